/**
 * The sample plan: data only, over the model.
 *
 * What the rest of the code may use; inside the room, files import each other directly.
 */
export { SAMPLE_AS_OF, samplePlan } from "./samplePlan";
