// Types of the generated standalone validators (scripts/build-schema-validator.mjs).
import type { ValidateFunction } from 'ajv'

export declare const executionRequest: ValidateFunction
export declare const templateRequest: ValidateFunction
