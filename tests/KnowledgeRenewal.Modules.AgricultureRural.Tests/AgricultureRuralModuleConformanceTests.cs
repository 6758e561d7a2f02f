using KnowledgeRenewal.Sdk.Conformance;

namespace KnowledgeRenewal.Modules.AgricultureRural.Tests;

/// <summary>The conformance kit: every rule of the module SDK, and the real host with the module enabled and disabled.</summary>
public sealed class AgricultureRuralModuleConformanceTests(ModuleHosts<AgricultureRuralModule> hosts) : ModuleConformanceTests<AgricultureRuralModule>(hosts);
