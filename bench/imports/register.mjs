// `node --import ./bench/imports/register.mjs`: registers bench/imports/hook.mjs, which appends every resolved
// module URL to the file named by IMPORT_LOG (synchronously, from the hooks thread, before the resolution
// returns: the list is complete when the import() has resolved).
import { register } from "node:module";

register("./hook.mjs", import.meta.url, { data: { log: process.env.IMPORT_LOG } });
