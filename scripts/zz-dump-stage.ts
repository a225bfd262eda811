import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { createStageStream, ProblemLog } from "../lib/registry/stage";
import { CREATE_STAGE } from "../lib/registry/merge";
fs.writeFileSync("/tmp/imp-stage.sql", CREATE_STAGE.replace("temp table", "table").replace("on commit drop", "") + ";\n");
await pipeline(fs.createReadStream(process.argv[2]!), createStageStream({ problems: new ProblemLog(10), state: { rows: 0 }, progressEvery: 1e9 }), fs.createWriteStream("/tmp/imp-stage.txt"));
