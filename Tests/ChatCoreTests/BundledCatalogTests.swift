import Foundation
import OpenRouter
import Testing

@testable import ChatCore

/// The catalog compiled into orchat. With `RECORD_BUNDLED_CATALOG=1` the first test also
/// regenerates `BundledCatalog+Data.swift` from a saved `GET /models` listing that is not
/// part of this repository (see `record()`).
@Suite struct BundledCatalogTests {
  @Test func holdsTheWholeSnapshotOfMayFirst2026() throws {
    if ProcessInfo.processInfo.environment["RECORD_BUNDLED_CATALOG"] == "1" { try record() }
    let snapshot = BundledCatalog.snapshot
    #expect(snapshot.models.count == 371)
    #expect(snapshot.fetchedAt == Date(timeIntervalSince1970: 1_777_600_184))
    #expect(snapshot.source.contains("skissue/gptel-openrouter-models"))
    #expect(snapshot.models.map(\.id) == snapshot.models.map(\.id).sorted())
  }

  @Test func keepsTheFieldsTheAppUses() throws {
    let catalog = ModelCatalog(snapshot: BundledCatalog.snapshot, origin: .bundled)
    let sonnet = try #require(catalog.model(id: "anthropic/claude-sonnet-4.6"))
    #expect(sonnet.name == "Anthropic: Claude Sonnet 4.6")
    #expect(sonnet.contextLength == 1_000_000)
    #expect(sonnet.promptPrice.perMillion == 3)
    #expect(sonnet.completionPrice.perMillion == 15)
    #expect(sonnet.supportsTools)
    #expect(sonnet.supportsReasoning)
    #expect(sonnet.supportsImageInput)
    #expect(sonnet.created == Date(timeIntervalSince1970: 1_771_342_990))
    let router = try #require(catalog.model(id: "openrouter/auto"))
    #expect(router.promptPrice == .variable)
    #expect(router.hasVariablePricing)
    let cheap = try #require(catalog.model(id: "openai/gpt-5-nano"))
    #expect(cheap.promptPrice.perMillion == Decimal(string: "0.05"))
  }

  @Test func builtInModelsAreInTheBundledCatalog() {
    let catalog = ModelCatalog(snapshot: BundledCatalog.snapshot, origin: .bundled)
    for agent in Agent.builtIns {
      for model in [agent.model] + agent.fallbackModels {
        #expect(catalog.model(id: model) != nil, "\(agent.name): \(model)")
      }
    }
  }

  /// Regenerates the data file from the saved listing, which must be checked out in a
  /// directory next to this repository (the path is below).
  private func record() throws {
    var root = URL(fileURLWithPath: #filePath)
    while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path)
    {
      root.deleteLastPathComponent()
    }
    let shared = root.deletingLastPathComponent()
      .appendingPathComponent("shared/data/openrouter-models.json")
    let list = try JSONDecoder().decode(ModelList.self, from: Data(contentsOf: shared))
    // The upstream job fetched and committed the listing at 2026-05-01T01:49:44Z.
    let snapshot = CatalogSnapshot(
      fetchedAt: Date(timeIntervalSince1970: 1_777_600_184),
      source: "GET https://openrouter.ai/api/v1/models as saved by skissue/gptel-openrouter-models "
        + "(commit 6f92690, 2026-05-01)",
      models: list.data.map(ModelSummary.init))
    let source = try BundledCatalog.source(
      for: snapshot, origin: "shared/data/openrouter-models.json (snapshot of 2026-05-01)")
    try source.write(
      to: root.appendingPathComponent("Sources/ChatCore/Catalog/BundledCatalog+Data.swift"),
      atomically: true, encoding: .utf8)
  }
}
