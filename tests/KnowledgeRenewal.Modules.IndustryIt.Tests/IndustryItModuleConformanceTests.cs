using KnowledgeRenewal.Sdk.Conformance;

namespace KnowledgeRenewal.Modules.IndustryIt.Tests;

/// <summary>The conformance kit: every rule of the module SDK, and the real host with the module enabled and disabled.</summary>
public sealed class IndustryItModuleConformanceTests(ModuleHosts<IndustryItModule> hosts) : ModuleConformanceTests<IndustryItModule>(hosts);
