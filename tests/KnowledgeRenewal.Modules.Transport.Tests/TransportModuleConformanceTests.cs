using KnowledgeRenewal.Sdk.Conformance;

namespace KnowledgeRenewal.Modules.Transport.Tests;

/// <summary>The conformance kit: every rule of the module SDK, and the real host with the module enabled and disabled.</summary>
public sealed class TransportModuleConformanceTests(ModuleHosts<TransportModule> hosts) : ModuleConformanceTests<TransportModule>(hosts);
