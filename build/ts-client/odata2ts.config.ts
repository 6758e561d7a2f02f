import { ConfigFileOptions, EmitModes, Modes } from "@odata2ts/odata2ts";

// odata2ts reads the platform's $metadata as fetched from a running host by run.sh (metadata/platform.xml) and writes
// a typed client service (models, query objects, one service per entity set) as TypeScript into generated/platform,
// which tsc then compiles with src/ under strict settings. Both folders are generated, never committed (ADR 0032).
const config: ConfigFileOptions = {
  mode: Modes.service,
  emitMode: EmitModes.ts,
  prettier: false,
  // Names exactly as the server advertises them (PascalCase): the payload then is the model, no renaming converter.
  allowRenaming: false,
  services: {
    platform: {
      source: "metadata/platform.xml",
      output: "generated/platform",
      serviceName: "Platform",
    },
  },
};

export default config;
