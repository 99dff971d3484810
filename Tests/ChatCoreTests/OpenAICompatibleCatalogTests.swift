import ChatDomain
import Foundation
import OpenRouter
import TestSupport
import Testing

@testable import ChatCore

/// A plain OpenAI-compatible `/models` (llama.cpp, Ollama) lists ids and nothing else: the
/// catalog keeps them with unknown prices and no context lengths, and the cache keeps that.
@Suite struct OpenAICompatibleCatalogTests {
  func plainModels() throws -> [ModelInfo] {
    try JSONDecoder().decode(
      ModelList.self, from: Data(StubOpenRouter.openAICompatibleModelsJSON.utf8)
    ).data
  }

  @Test func entriesWithoutPricesHaveUnknownPricesNotFreeOrVariableOnes() throws {
    let models = try plainModels()
    #expect(models.map(\.id) == ["llama-3.2-3b-instruct", "mistral-small", "qwen2.5-coder:7b"])
    let first = try #require(models.first)
    #expect(first.pricing == nil)
    #expect(first.name == "llama-3.2-3b-instruct")
    let summary = ModelSummary(first)
    #expect(summary.promptPrice == .unknown)
    #expect(summary.completionPrice == .unknown)
    #expect(summary.promptPrice.perMillion == nil)
    #expect(!summary.hasVariablePricing)
    #expect(!summary.promptPrice.isFree)
    #expect(summary.contextLength == nil)
    #expect(summary.created == Date(timeIntervalSince1970: 1_733_000_000))
    #expect(summary.inputModalities == ["text"])
  }

  @Test func theCacheKeepsUnknownPrices() throws {
    let snapshot = CatalogSnapshot(
      fetchedAt: Date(timeIntervalSince1970: 1_800_000_000),
      source: "GET http://127.0.0.1:8080/v1/models",
      models: try plainModels().map(ModelSummary.init))
    let encoded = try snapshot.encoded()
    #expect(String(decoding: encoded, as: UTF8.self).contains(#""prompt_price":null"#))
    let decoded = try CatalogSnapshot.decode(encoded)
    #expect(decoded == snapshot)
    let catalog = ModelCatalog.merged(bundled: BundledCatalog.snapshot, cached: decoded)
    #expect(catalog.origin == .live)
    #expect(catalog.source == "GET http://127.0.0.1:8080/v1/models")
    // A price filter cannot admit a model whose price nobody knows.
    #expect(catalog.search("", filter: ModelFilter(maxPricePerMillion: 100)).isEmpty)
  }

  @Test func endpointsAreToldApart() {
    #expect(Endpoint.isOpenRouter("https://openrouter.ai/api/v1"))
    #expect(Endpoint.isOpenRouter("https://eu.openrouter.ai/api/v1/"))
    #expect(!Endpoint.isOpenRouter("http://localhost:11434/v1"))
    #expect(!Endpoint.isOpenRouter("https://openrouter.ai.example.com/v1"))
    #expect(!Endpoint.isOpenRouter("not a url"))
    #expect(Endpoint.isLoopback("http://127.0.0.1:8080/v1"))
    #expect(Endpoint.isLoopback("http://localhost:11434/v1"))
    #expect(!Endpoint.isLoopback("https://openrouter.ai/api/v1"))
    #expect(Endpoint.baseURL(ofCatalogSource: "GET http://h:1/v1/models") == "http://h:1/v1")
    #expect(Endpoint.baseURL(ofCatalogSource: BundledCatalog.snapshot.source) == nil)
    #expect(Endpoint.normalized("http://h/v1//") == "http://h/v1")
  }
}
