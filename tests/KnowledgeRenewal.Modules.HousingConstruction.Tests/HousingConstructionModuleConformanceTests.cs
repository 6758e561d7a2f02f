using KnowledgeRenewal.Sdk.Conformance;

namespace KnowledgeRenewal.Modules.HousingConstruction.Tests;

/// <summary>The conformance kit: every rule of the module SDK, and the real host with the module enabled and disabled.</summary>
public sealed class HousingConstructionModuleConformanceTests(ModuleHosts<HousingConstructionModule> hosts) : ModuleConformanceTests<HousingConstructionModule>(hosts);
