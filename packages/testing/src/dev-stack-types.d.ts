// dev-stack's typing of dynalite, which `@elevate/dev-stack`'s index pulls into this program.
/// <reference path="../../dev-stack/src/dynamodb/dynalite.d.ts" />
