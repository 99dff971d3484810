import ChatDomain
import Foundation
import OpenRouter
import Testing

@testable import ChatCore

/// The catalog built into orchat. With `RECORD_BUNDLED_CATALOG=<a GET /models body>` the first
/// test also regenerates the bundled JSON from that listing.
@Suite struct BundledCatalogTests {
  @Test func holdsTheWholeSnapshotOfMayFirst2026() throws {
    if let path = ProcessInfo.processInfo.environment["RECORD_BUNDLED_CATALOG"] {
      try record(from: path)
    }
    let snapshot = BundledCatalog.snapshot
    #expect(snapshot.models.count == 371)
    #expect(snapshot.fetchedAt == Date(timeIntervalSince1970: 1_777_600_184))
    #expect(snapshot.source.contains("skissue/gptel-openrouter-models"))
    #expect(snapshot.models.map(\.id) == snapshot.models.map(\.id).sorted())
    let described = snapshot.models.filter { !$0.description.isEmpty }
    #expect(described.isEmpty, "facts only: no descriptions")
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

  /// Regenerates `Resources/bundled-models.json` from a saved `GET /models` body named by
  /// `RECORD_BUNDLED_CATALOG` (facts only: the descriptions are dropped).
  private func record(from path: String) throws {
    var root = URL(fileURLWithPath: #filePath)
    while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path)
    {
      root.deleteLastPathComponent()
    }
    let list = try JSONDecoder().decode(
      ModelList.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    let models = list.data.map(ModelSummary.init).map { model -> ModelSummary in
      var model = model
      model.description = ""
      return model
    }
    // The listing of 2026-05-01 was fetched at 2026-05-01T01:49:44Z.
    let snapshot = CatalogSnapshot(
      fetchedAt: Date(timeIntervalSince1970: 1_777_600_184),
      source: "GET https://openrouter.ai/api/v1/models as saved by skissue/gptel-openrouter-models "
        + "(commit 6f92690, 2026-05-01)",
      models: models)
    try snapshot.encoded().write(
      to: root.appendingPathComponent("Sources/ChatCore/Catalog/Resources/bundled-models.json"))
  }
}
