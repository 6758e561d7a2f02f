using KnowledgeRenewal.Sdk.Conformance;

namespace KnowledgeRenewal.Modules.Education.Tests;

/// <summary>The conformance kit: every rule of the module SDK, and the real host with the module enabled and disabled (catalog and rules only).</summary>
public sealed class EducationModuleConformanceTests(ModuleHosts<EducationModule> hosts) : ModuleConformanceTests<EducationModule>(hosts);
