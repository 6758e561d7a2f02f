using KnowledgeRenewal.Sdk.Conformance;

namespace KnowledgeRenewal.Modules.KrModule.Tests;

/// <summary>The conformance kit: every rule of the module SDK, and the real host with the module enabled and disabled.</summary>
public sealed class KrModuleModuleConformanceTests(ModuleHosts<KrModuleModule> hosts) : ModuleConformanceTests<KrModuleModule>(hosts);
