import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatCore

@Suite struct ModelCatalogTests {
  let fixture: StoreFixture
  var cacheURL: URL { fixture.directory.appending("cache/models.json") }

  init() async throws {
    fixture = try await StoreFixture()
  }

  func snapshot(_ ids: [String], at seconds: TimeInterval) -> CatalogSnapshot {
    CatalogSnapshot(
      fetchedAt: Date(timeIntervalSince1970: seconds), source: "test",
      models: ids.map { ModelSummary(id: $0, name: $0) })
  }

  @Test func theNewerListingWins() {
    let bundled = snapshot(["a/one", "a/two"], at: 1000)
    let newer = ModelCatalog.merged(
      bundled: bundled, cached: snapshot(["a/two", "b/new"], at: 2000))
    #expect(newer.origin == .live)
    #expect(newer.models.map(\.id) == ["a/two", "b/new"])
    let older = ModelCatalog.merged(bundled: bundled, cached: snapshot(["z/old"], at: 500))
    #expect(older.origin == .bundled)
    #expect(older.models.map(\.id) == ["a/one", "a/two"])
    #expect(ModelCatalog.merged(bundled: bundled, cached: nil).origin == .bundled)
  }

  @Test func withoutACacheTheBundledSnapshotIsUsed() {
    let catalog = ModelCatalog.load(cacheURL: cacheURL)
    #expect(catalog.origin == .bundled)
    #expect(catalog.models.count == 371)
    #expect(catalog.cacheProblem == nil)
  }

  @Test func refreshFetchesCachesAndLogsTheListing() async throws {
    let stub = try await StubOpenRouter.start()
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let fresh = try await ModelCatalog.refresh(
      using: TestClients.client(for: stub), cacheURL: cacheURL, log: fixture.store, now: now)
    #expect(fresh.origin == .live)
    #expect(fresh.models.count == 11)
    #expect(fresh.fetchedAt == now)
    #expect(fresh.model(id: "anthropic/claude-haiku-4.5")?.promptPrice.perMillion == 1)
    let loaded = ModelCatalog.load(cacheURL: cacheURL)
    #expect(loaded.origin == .live)
    #expect(loaded.models == fresh.models)
    #expect(loaded.fetchedAt == now)
    let log = try #require(try await fixture.store.requestLog().first)
    #expect(log.endpoint == "/models")
    #expect(log.outcome == .ok)
    #expect(log.httpStatus == 200)
    await stub.shutdown()
  }

  @Test func aFailedRefreshKeepsTheOldCache() async throws {
    let stub = try await StubOpenRouter.start(validKey: "the-right-key")
    let client = TestClients.client(for: stub, key: "a-wrong-key")
    let error = await #expect(throws: ChatError.self) {
      try await ModelCatalog.refresh(using: client, cacheURL: cacheURL, log: fixture.store)
    }
    #expect(error?.kind == .provider(.auth))
    #expect(!FileManager.default.fileExists(atPath: cacheURL.path))
    #expect(try await fixture.store.requestLog().first?.errorCategory == "auth")
    await stub.shutdown()
  }

  @Test func aDamagedCacheIsReportedAndTheSnapshotUsed() throws {
    try fixture.directory.write("{ not json", to: "cache/models.json")
    let catalog = ModelCatalog.load(cacheURL: cacheURL)
    #expect(catalog.origin == .bundled)
    let problem = try #require(catalog.cacheProblem)
    #expect(problem.userMessage.contains("the model cache is damaged"))
    #expect(problem.userMessage.contains("orchat models --refresh"))
  }
}
