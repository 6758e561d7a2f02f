using KnowledgeRenewal.Sdk.Conformance;

namespace KnowledgeRenewal.Modules.Health.Tests;

/// <summary>The conformance kit: every rule of the module SDK, and the real host with the module enabled and disabled (with its own tables, endpoints, OData set and handlers).</summary>
public sealed class HealthModuleConformanceTests(ModuleHosts<HealthModule> hosts) : ModuleConformanceTests<HealthModule>(hosts);
