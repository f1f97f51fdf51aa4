/**
 * Workbook features ExcelJS may not keep, each added to a plan written by `jointplan new` as Excel
 * writes it (part names, content types, relationship types, the markup in the sheet or workbook
 * that points to the part). test/xlsx/exceljsRewrite.test.ts loads each file with ExcelJS, writes
 * it again and compares the packages: that experiment decides what partsLostOnRewrite lists.
 */
import type { PackageAddition } from "./rawPackage";

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MS = "http://schemas.microsoft.com/office";
const CT = "application/vnd.openxmlformats-officedocument";
const SML = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Inserts markup into a sheet before the first of the elements that must follow it (CT_Worksheet's order). */
function beforeAny(xml: string, markup: string, followers: string[]): string {
  const at = followers.map((f) => xml.indexOf(`<${f}`)).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? xml.indexOf("</worksheet>");
  return xml.slice(0, at) + markup + xml.slice(at);
}
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];
const AFTER_LEGACY = ["legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];
const addExt = (xml: string, ext: string): string =>
  xml.includes("<extLst>") ? xml.replace("</extLst>", `${ext}</extLst>`) : xml.replace("</worksheet>", `<extLst>${ext}</extLst></worksheet>`);
const withNs = (xml: string, ns: string): string => (xml.includes(ns.split("=")[0]) ? xml : xml.replace("<worksheet ", `<worksheet ${ns} `));

const X14 = 'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"';
const XM = 'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"';
/** An Excel 2010 extension of the sheet: <ext uri> with x14 markup, at the end of its extLst. */
const sheetExtension = (sheet: string, uri: string, inner: string): PackageAddition => ({
  edit: { [sheet]: (x) => addExt(withNs(withNs(x, X14), XM), `<ext uri="${uri}" ${X14}>${inner}</ext>`) },
});

/** A 1x1 transparent PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

const anchor = (inner: string): string =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>24</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>7</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>30</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`;
const DRAWING_NS = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"';

/** A drawing on the sheet holding a picture (xl/media/image1.png), and more anchors after it. */
const pictureDrawing = (sheet: string, more = ""): PackageAddition => ({
  parts: {
    "xl/drawings/drawing92.xml": `${XML}<xdr:wsDr ${DRAWING_NS}>${anchor('<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Picture 1"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>')}${more}</xdr:wsDr>`,
    "xl/media/image1.png": PNG,
  },
  defaults: { png: "image/png" },
  overrides: { "xl/drawings/drawing92.xml": `${CT}.drawing+xml` },
  rels: [
    { from: sheet, id: "rIdLoss1", type: `${R}/drawing`, target: "../drawings/drawing92.xml" },
    { from: "xl/drawings/drawing92.xml", id: "rId1", type: `${R}/image`, target: "../media/image1.png" },
  ],
  edit: { [sheet]: (x) => beforeAny(x, '<drawing r:id="rIdLoss1"/>', AFTER_DRAWING) },
});

export interface LossFeature {
  key: string;
  /** What a person would call it. */
  what: string;
  /** Found in the package's text while the feature is there. */
  marker: RegExp;
  add: (sheetPart: string) => PackageAddition;
}

export const LOSS_FEATURES: LossFeature[] = [
  {
    key: "chart",
    // The user's chart, not the summary's own (which a rewrite writes again).
    marker: /<c:f>JAP!\$J\$8:\$J\$27<\/c:f>/,
    what: "chart",
    add: (sheet) => ({
      parts: {
        "xl/drawings/drawing91.xml": `${XML}<xdr:wsDr ${DRAWING_NS}>${anchor('<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>')}</xdr:wsDr>`,
        "xl/charts/chart91.xml": `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:pieChart><c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>JAP!$J$8:$J$27</c:f></c:numRef></c:val></c:ser></c:pieChart></c:plotArea></c:chart></c:chartSpace>`,
      },
      overrides: { "xl/drawings/drawing91.xml": `${CT}.drawing+xml`, "xl/charts/chart91.xml": `${CT}.drawingml.chart+xml` },
      rels: [
        { from: sheet, id: "rIdLoss1", type: `${R}/drawing`, target: "../drawings/drawing91.xml" },
        { from: "xl/drawings/drawing91.xml", id: "rId1", type: `${R}/chart`, target: "../charts/chart91.xml" },
      ],
      edit: { [sheet]: (x) => beforeAny(x, '<drawing r:id="rIdLoss1"/>', AFTER_DRAWING) },
    }),
  },
  {
    key: "image",
    marker: /<xdr:pic>/,
    what: "picture",
    add: (sheet) => pictureDrawing(sheet),
  },
  {
    key: "shape",
    marker: /TextBox 1/,
    what: "shape or text box",
    add: (sheet) => ({
      parts: {
        "xl/drawings/drawing93.xml": `${XML}<xdr:wsDr ${DRAWING_NS}>${anchor('<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="TextBox 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>Agreed in the March review</a:t></a:r></a:p></xdr:txBody></xdr:sp>')}</xdr:wsDr>`,
      },
      overrides: { "xl/drawings/drawing93.xml": `${CT}.drawing+xml` },
      rels: [{ from: sheet, id: "rIdLoss1", type: `${R}/drawing`, target: "../drawings/drawing93.xml" }],
      edit: { [sheet]: (x) => beforeAny(x, '<drawing r:id="rIdLoss1"/>', AFTER_DRAWING) },
    }),
  },
  {
    key: "pivot",
    marker: /<pivotTableDefinition/,
    what: "pivot table",
    add: (sheet) => ({
      parts: {
        "xl/pivotCache/pivotCacheDefinition1.xml": `${XML}<pivotCacheDefinition ${SML} xmlns:r="${R}" r:id="rId1" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A7:I27" sheet="JAP"/></cacheSource><cacheFields count="1"><cacheField name="Status" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
        "xl/pivotCache/pivotCacheRecords1.xml": `${XML}<pivotCacheRecords ${SML} count="0"/>`,
        "xl/pivotTables/pivotTable1.xml": `${XML}<pivotTableDefinition ${SML} name="PivotTable1" cacheId="1" dataCaption="Values"><location ref="Y3:Z5" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="1"><pivotField axis="axisRow" showAll="0"><items count="1"><item t="default"/></items></pivotField></pivotFields><rowFields count="1"><field x="0"/></rowFields></pivotTableDefinition>`,
      },
      overrides: {
        "xl/pivotCache/pivotCacheDefinition1.xml": `${CT}.spreadsheetml.pivotCacheDefinition+xml`,
        "xl/pivotCache/pivotCacheRecords1.xml": `${CT}.spreadsheetml.pivotCacheRecords+xml`,
        "xl/pivotTables/pivotTable1.xml": `${CT}.spreadsheetml.pivotTable+xml`,
      },
      rels: [
        { from: "xl/workbook.xml", id: "rIdLoss1", type: `${R}/pivotCacheDefinition`, target: "pivotCache/pivotCacheDefinition1.xml" },
        { from: "xl/pivotCache/pivotCacheDefinition1.xml", id: "rId1", type: `${R}/pivotCacheRecords`, target: "pivotCacheRecords1.xml" },
        { from: sheet, id: "rIdLoss1", type: `${R}/pivotTable`, target: "../pivotTables/pivotTable1.xml" },
        { from: "xl/pivotTables/pivotTable1.xml", id: "rId1", type: `${R}/pivotCacheDefinition`, target: "../pivotCache/pivotCacheDefinition1.xml" },
      ],
      edit: { "xl/workbook.xml": (x) => x.replace("<calcPr", '<pivotCaches><pivotCache cacheId="1" r:id="rIdLoss1"/></pivotCaches><calcPr') },
    }),
  },
  {
    key: "macros",
    marker: /vbaProject/,
    what: "macros (VBA project)",
    add: () => ({
      parts: { "xl/vbaProject.bin": Buffer.from("d0cf11e0a1b11ae1", "hex") },
      defaults: { bin: "application/vnd.ms-office.vbaProject" },
      overrides: { "xl/workbook.xml": "application/vnd.ms-excel.sheet.macroEnabled.main+xml" },
      rels: [{ from: "xl/workbook.xml", id: "rIdLoss1", type: `${MS}/2006/relationships/vbaProject`, target: "vbaProject.bin" }],
    }),
  },
  {
    key: "threadedComments",
    marker: /<ThreadedComments/,
    what: "threaded comments",
    add: (sheet) => ({
      parts: {
        "xl/threadedComments/threadedComment1.xml": `${XML}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="F8" dT="2026-03-18T09:00:00.00" personId="{6B1C3B0A-0000-4000-8000-000000000001}" id="{6B1C3B0A-0000-4000-8000-0000000000A1}"><text>Can Ana take this one?</text></threadedComment></ThreadedComments>`,
        "xl/persons/person.xml": `${XML}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Carlos Rojas" id="{6B1C3B0A-0000-4000-8000-000000000001}" userId="carlos@andes.example" providerId="AD"/></personList>`,
      },
      overrides: {
        "xl/threadedComments/threadedComment1.xml": "application/vnd.ms-excel.threadedcomments+xml",
        "xl/persons/person.xml": "application/vnd.ms-excel.person+xml",
      },
      rels: [
        { from: sheet, id: "rIdLoss1", type: `${MS}/2017/10/relationships/threadedComment`, target: "../threadedComments/threadedComment1.xml" },
        { from: "xl/workbook.xml", id: "rIdLoss1", type: `${MS}/2017/10/relationships/person`, target: "persons/person.xml" },
      ],
    }),
  },
  {
    key: "notes",
    marker: /Check with Ana/,
    what: "notes",
    add: (sheet) => ({
      parts: {
        "xl/comments1.xml": `${XML}<comments ${SML}><authors><author>Carlos Rojas</author></authors><commentList><comment ref="F8" authorId="0"><text><r><t>Check with Ana</t></r></text></comment></commentList></comments>`,
        "xl/drawings/vmlDrawing1.vml": `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Row>7</x:Row><x:Column>5</x:Column></x:ClientData></v:shape></xml>`,
      },
      defaults: { vml: `${CT}.vmlDrawing` },
      overrides: { "xl/comments1.xml": `${CT}.spreadsheetml.comments+xml` },
      rels: [
        { from: sheet, id: "rIdLoss1", type: `${R}/comments`, target: "../comments1.xml" },
        { from: sheet, id: "rIdLoss2", type: `${R}/vmlDrawing`, target: "../drawings/vmlDrawing1.vml" },
      ],
      edit: { [sheet]: (x) => beforeAny(x, '<legacyDrawing r:id="rIdLoss2"/>', AFTER_LEGACY) },
    }),
  },
  {
    key: "slicer",
    marker: /<slicers /,
    what: "slicer",
    add: (sheet) => ({
      parts: {
        "xl/slicers/slicer1.xml": `${XML}<slicers xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><slicer name="Status" cache="Slicer_Status" caption="Status" rowHeight="241300"/></slicers>`,
        "xl/slicerCaches/slicerCache1.xml": `${XML}<slicerCacheDefinition xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" name="Slicer_Status" sourceName="Status"><extLst><x:ext xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uri="{2F2917AC-EB37-4324-AD4E-5DD8C200BD13}"><x15:tableSlicerCache xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" tableId="4" column="9"/></x:ext></extLst></slicerCacheDefinition>`,
      },
      overrides: { "xl/slicers/slicer1.xml": "application/vnd.ms-excel.slicer+xml", "xl/slicerCaches/slicerCache1.xml": "application/vnd.ms-excel.slicerCache+xml" },
      rels: [
        { from: sheet, id: "rIdLoss1", type: `${MS}/2007/relationships/slicer`, target: "../slicers/slicer1.xml" },
        { from: "xl/workbook.xml", id: "rIdLoss1", type: `${MS}/2007/relationships/slicerCache`, target: "slicerCaches/slicerCache1.xml" },
      ],
      edit: {
        [sheet]: (x) => addExt(withNs(x, X14), '<ext uri="{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerList><x14:slicer r:id="rIdLoss1"/></x14:slicerList></ext>'),
        "xl/workbook.xml": (x) => x.replace("</workbook>", '<extLst><ext uri="{46BE6895-7355-4a93-B00E-2C351335B9C9}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:slicerCaches xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerCache r:id="rIdLoss1"/></x15:slicerCaches></ext></extLst></workbook>'),
      },
    }),
  },
  {
    key: "timeline",
    marker: /<timelines /,
    what: "timeline",
    add: (sheet) => ({
      parts: {
        "xl/timelines/timeline1.xml": `${XML}<timelines xmlns="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><timeline name="Due" cache="NativeTimeline_Due" caption="Due" level="2" selectionLevel="2"/></timelines>`,
        "xl/timelineCaches/timelineCache1.xml": `${XML}<timelineCacheDefinition xmlns="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" name="NativeTimeline_Due" sourceName="Due"/>`,
      },
      overrides: { "xl/timelines/timeline1.xml": "application/vnd.ms-excel.timeline+xml", "xl/timelineCaches/timelineCache1.xml": "application/vnd.ms-excel.timelineCache+xml" },
      rels: [
        { from: sheet, id: "rIdLoss1", type: `${MS}/2011/relationships/timeline`, target: "../timelines/timeline1.xml" },
        { from: "xl/workbook.xml", id: "rIdLoss1", type: `${MS}/2011/relationships/timelineCache`, target: "timelineCaches/timelineCache1.xml" },
      ],
    }),
  },
  {
    key: "externalLink",
    marker: /<externalBook/,
    what: "link to another workbook",
    add: () => ({
      parts: {
        "xl/externalLinks/externalLink1.xml": `${XML}<externalLink ${SML} xmlns:r="${R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Budget"/></sheetNames></externalBook></externalLink>`,
      },
      overrides: { "xl/externalLinks/externalLink1.xml": `${CT}.spreadsheetml.externalLink+xml` },
      rels: [
        { from: "xl/workbook.xml", id: "rIdLoss1", type: `${R}/externalLink`, target: "externalLinks/externalLink1.xml" },
        { from: "xl/externalLinks/externalLink1.xml", id: "rId1", type: `${R}/externalLinkPath`, target: "Budget%202026.xlsx", external: true },
      ],
      edit: { "xl/workbook.xml": (x) => x.replace("<definedNames>", '<externalReferences><externalReference r:id="rIdLoss1"/></externalReferences><definedNames>') },
    }),
  },
  {
    key: "customXml",
    marker: /urn:example:plan/,
    what: "custom XML data",
    add: () => ({
      parts: {
        "customXml/item1.xml": `${XML}<plan xmlns="urn:example:plan"><owner>Northwind</owner></plan>`,
        "customXml/itemProps1.xml": `${XML}<ds:datastoreItem ds:itemID="{6B1C3B0A-0000-4000-8000-0000000000C1}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
      },
      overrides: { "customXml/itemProps1.xml": `${CT}.customXmlProperties+xml` },
      rels: [
        { from: "xl/workbook.xml", id: "rIdLoss1", type: `${R}/customXml`, target: "../customXml/item1.xml" },
        { from: "customXml/item1.xml", id: "rId1", type: `${R}/customXmlProps`, target: "itemProps1.xml" },
      ],
    }),
  },
  {
    key: "customProperties",
    marker: /MSIP_Label/,
    what: "custom document properties (sensitivity labels)",
    add: () => ({
      parts: {
        "docProps/custom.xml": `${XML}<Properties xmlns="${CT.replace("application/vnd.openxmlformats-officedocument", "http://schemas.openxmlformats.org/officeDocument/2006")}/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_Confidential_Enabled"><vt:lpwstr>true</vt:lpwstr></property></Properties>`,
      },
      overrides: { "docProps/custom.xml": `${CT}.custom-properties+xml` },
      rels: [{ from: "", id: "rIdLoss1", type: `${R}/custom-properties`, target: "docProps/custom.xml" }],
    }),
  },
  {
    key: "formControl",
    marker: /formControlPr/,
    what: "form control",
    add: (sheet) => ({
      parts: {
        "xl/ctrlProps/ctrlProp1.xml": `${XML}<formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" objectType="CheckBox" checked="Checked" fmlaLink="$Y$8"/>`,
        "xl/drawings/vmlDrawing1.vml": `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t201" style="position:absolute"><x:ClientData ObjectType="Checkbox"><x:Anchor>24, 0, 7, 0, 26, 0, 8, 0</x:Anchor><x:FmlaLink>$Y$8</x:FmlaLink><x:Checked>1</x:Checked></x:ClientData></v:shape></xml>`,
      },
      defaults: { vml: `${CT}.vmlDrawing` },
      overrides: { "xl/ctrlProps/ctrlProp1.xml": "application/vnd.ms-excel.controlproperties+xml" },
      rels: [
        { from: sheet, id: "rIdLoss1", type: `${R}/vmlDrawing`, target: "../drawings/vmlDrawing1.vml" },
        { from: sheet, id: "rIdLoss2", type: `${R}/ctrlProp`, target: "../ctrlProps/ctrlProp1.xml" },
      ],
      edit: {
        [sheet]: (x) =>
          beforeAny(
            beforeAny(x, '<legacyDrawing r:id="rIdLoss1"/>', AFTER_LEGACY),
            '<mc:AlternateContent><mc:Choice Requires="x14"><controls><mc:AlternateContent><mc:Choice Requires="x14"><control shapeId="1025" r:id="rIdLoss2" name="Check Box 1"/></mc:Choice></mc:AlternateContent></controls></mc:Choice></mc:AlternateContent>',
            ["webPublishItems", "tableParts", "extLst"],
          ),
      },
    }),
  },
  {
    key: "sparklines",
    marker: /sparklineGroups/,
    what: "sparklines",
    add: (sheet) => sheetExtension(sheet, "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}", '<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>JAP!N8:P8</xm:f><xm:sqref>Y8</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups>'),
  },
  {
    key: "dataBars",
    marker: /x14:dataBar /,
    what: "data bars and icon sets of Excel 2010 and later",
    add: (sheet) => sheetExtension(sheet, "{78C0D931-6437-407d-A8EE-F0AAD7539E65}", '<x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{6B1C3B0A-0000-4000-8000-0000000000D1}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>J8:J27</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings>'),
  },
  {
    key: "webExtension",
    marker: /we:webextension /,
    what: "Office add-in part",
    add: () => ({
      parts: {
        "xl/webextensions/taskpanes.xml": `${XML}<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11" xmlns:r="${R}"><wetp:taskpane dockstate="right" visibility="1" width="350" row="4"><wetp:webextensionref r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
        "xl/webextensions/webextension1.xml": `${XML}<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6B1C3B0A-0000-4000-8000-0000000000E1}"><we:reference id="wa000000000" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties/><we:bindings/><we:snapshot xmlns:r="${R}"/></we:webextension>`,
      },
      overrides: { "xl/webextensions/taskpanes.xml": "application/vnd.ms-office.webextensiontaskpanes+xml", "xl/webextensions/webextension1.xml": "application/vnd.ms-office.webextension+xml" },
      rels: [
        { from: "", id: "rIdLoss1", type: `${MS}/2011/relationships/webextensiontaskpanes`, target: "xl/webextensions/taskpanes.xml" },
        { from: "xl/webextensions/taskpanes.xml", id: "rId1", type: `${MS}/2011/relationships/webextension`, target: "webextension1.xml" },
      ],
    }),
  },
  {
    key: "queryConnection",
    marker: /Query - Sales/,
    what: "data connection",
    add: () => ({
      parts: { "xl/connections.xml": `${XML}<connections ${SML}><connection id="1" name="Query - Sales" type="5" refreshedVersion="8" background="1"><dbPr connection="Provider=Microsoft.Mashup.OleDb.1;Data Source=$Workbook$;Location=Sales" command="SELECT * FROM [Sales]"/></connection></connections>` },
      overrides: { "xl/connections.xml": `${CT}.spreadsheetml.connections+xml` },
      rels: [{ from: "xl/workbook.xml", id: "rIdLoss1", type: `${R}/connections`, target: "connections.xml" }],
    }),
  },
  {
    key: "printerSettings",
    marker: /printerSettings/,
    what: "printer settings",
    add: (sheet) => ({
      parts: { "xl/printerSettings/printerSettings1.bin": Buffer.alloc(64, 1) },
      defaults: { bin: `${CT}.spreadsheetml.printerSettings` },
      rels: [{ from: sheet, id: "rIdLoss1", type: `${R}/printerSettings`, target: "../printerSettings/printerSettings1.bin" }],
      edit: { [sheet]: (x) => x.replace(/<pageSetup ([^>]*)\/>/, '<pageSetup $1 r:id="rIdLoss1"/>') },
    }),
  },
  {
    key: "chartsheet",
    marker: /<chartsheet /,
    what: "chart sheet",
    add: () => ({
      parts: {
        "xl/chartsheets/sheet1.xml": `${XML}<chartsheet ${SML} xmlns:r="${R}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
        "xl/drawings/drawing9.xml": `${XML}<xdr:wsDr ${DRAWING_NS}><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666950" cy="6293069"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`,
        "xl/charts/chart9.xml": `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>`,
      },
      overrides: {
        "xl/chartsheets/sheet1.xml": `${CT}.spreadsheetml.chartsheet+xml`,
        "xl/drawings/drawing9.xml": `${CT}.drawing+xml`,
        "xl/charts/chart9.xml": `${CT}.drawingml.chart+xml`,
      },
      rels: [
        { from: "xl/workbook.xml", id: "rIdLoss1", type: `${R}/chartsheet`, target: "chartsheets/sheet1.xml" },
        { from: "xl/chartsheets/sheet1.xml", id: "rId1", type: `${R}/drawing`, target: "../drawings/drawing9.xml" },
        { from: "xl/drawings/drawing9.xml", id: "rId1", type: `${R}/chart`, target: "../charts/chart9.xml" },
      ],
      edit: { "xl/workbook.xml": (x) => x.replace("</sheets>", '<sheet name="Trend" sheetId="99" r:id="rIdLoss1"/></sheets>') },
    }),
  },
  {
    key: "embedding",
    marker: /<oleObject /,
    what: "embedded object",
    add: (sheet) => ({
      parts: { "xl/embeddings/oleObject1.bin": Buffer.from("d0cf11e0a1b11ae1", "hex") },
      defaults: { bin: "application/vnd.openxmlformats-officedocument.oleObject" },
      rels: [{ from: sheet, id: "rIdLoss1", type: `${R}/oleObject`, target: "../embeddings/oleObject1.bin" }],
      edit: { [sheet]: (x) => beforeAny(x, '<oleObjects><oleObject progId="Word.Document.12" shapeId="1025" r:id="rIdLoss1"/></oleObjects>', ["controls", "webPublishItems", "tableParts", "extLst"]) },
    }),
  },
  {
    key: "validationsX14",
    marker: /x14:dataValidations/,
    what: "data validation of Excel 2010 and later",
    add: (sheet) => sheetExtension(sheet, "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}", '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Roster!$A$2:$A$11</xm:f></x14:formula1><xm:sqref>Y8:Y27</xm:sqref></x14:dataValidation></x14:dataValidations>'),
  },
  {
    key: "imageAndShape",
    marker: /Arrow 2/,
    what: "shape or text box",
    add: (sheet) => pictureDrawing(sheet, anchor('<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="Arrow 2"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rightArrow"><a:avLst/></a:prstGeom></xdr:spPr></xdr:sp>')),
  },
];
