import { z } from "../../../shared/zod";

export const tagOutput = z.object({ id: z.string(), name: z.string(), color: z.string() });

export const listTagsOutput = z.array(tagOutput);
export const createTagOutput = tagOutput;
