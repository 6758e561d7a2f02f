using KnowledgeRenewal.Modules.Education;
using KnowledgeRenewal.Modules.Health;
using KnowledgeRenewal.Modules.Transport;

namespace KnowledgeRenewal.Sdk.Conformance.Tests;

/// <summary>The education module runs the kit (catalog and rules only).</summary>
public sealed class EducationModuleConformanceTests(ModuleHosts<EducationModule> hosts) : ModuleConformanceTests<EducationModule>(hosts);

/// <summary>The health module runs the kit (with its own tables, endpoints, OData set and handlers).</summary>
public sealed class HealthModuleConformanceTests(ModuleHosts<HealthModule> hosts) : ModuleConformanceTests<HealthModule>(hosts);

/// <summary>The transport module runs the kit.</summary>
public sealed class TransportModuleConformanceTests(ModuleHosts<TransportModule> hosts) : ModuleConformanceTests<TransportModule>(hosts);
