import Foundation
import Testing

@testable import ChatCore
@testable import ChatDomain

@Suite struct ModelSearchTests {
  let catalog = ModelCatalog(snapshot: BundledCatalog.snapshot, origin: .bundled)

  @Test func abbreviationFindsTheModelItAbbreviates() {
    #expect(catalog.search("g4o").first?.model.id == "openai/gpt-4o")
    #expect(catalog.search("gpt4om").first?.model.id == "openai/gpt-4o-mini")
    #expect(catalog.search("haiku45").first?.model.id == "anthropic/claude-haiku-4.5")
  }

  @Test func sonnetRanksTheClaudeSonnetsFirst() {
    let results = catalog.search("sonnet").map(\.model.id)
    let sonnets = BundledCatalog.snapshot.models.map(\.id).filter { $0.contains("sonnet") }
    #expect(sonnets.count >= 6)
    #expect(Set(results.prefix(sonnets.count)) == Set(sonnets))
    #expect(results.count > sonnets.count)
  }

  @Test func nameMatchesCountToo() throws {
    let match = try #require(catalog.search("Claude Opus 4.7").first)
    #expect(match.model.id == "anthropic/claude-opus-4.7")
  }

  @Test func matchedPositionsPointAtTheQueryCharacters() throws {
    let match = try #require(catalog.search("g4o").first)
    #expect(match.field == .id)
    let id = Array(match.model.id.unicodeScalars)
    #expect(match.positions.map { String(id[$0]) } == ["g", "4", "o"])
    #expect(match.positions == [7, 11, 12])
  }

  @Test func noMatchGivesNothing() {
    #expect(catalog.search("zzzzqqq").isEmpty)
  }

  @Test func emptyQueryListsEveryModelById() {
    let all = catalog.search("  ")
    #expect(all.count == 371)
    #expect(all.map(\.model.id) == all.map(\.model.id).sorted())
  }

  @Test func filtersNarrowTheList() {
    let cheapVision = catalog.search(
      "", filter: ModelFilter(maxPricePerMillion: 1, requiresImageInput: true))
    #expect(!cheapVision.isEmpty)
    for match in cheapVision {
      let model = match.model
      #expect(model.supportsImageInput)
      #expect((model.promptPrice.perMillion ?? 99) <= 1)
      #expect((model.completionPrice.perMillion ?? 99) <= 1)
    }
    #expect(!cheapVision.contains { $0.model.id == "openrouter/auto" })
    let longTools = catalog.search(
      "",
      filter: ModelFilter(minContextLength: 1_000_000, requiresTools: true, requiresReasoning: true)
    )
    #expect(
      longTools.allSatisfy {
        ($0.model.contextLength ?? 0) >= 1_000_000 && $0.model.supportsTools
          && $0.model.supportsReasoning
      })
    #expect(longTools.contains { $0.model.id == "anthropic/claude-sonnet-4.6" })
    let cheap = catalog.search("sonnet", filter: ModelFilter(maxPricePerMillion: 1))
    #expect(!cheap.contains { $0.model.id.contains("sonnet") })
  }

  @Test func matcherPrefersWordStartsAndRuns() throws {
    let matcher = try #require(FuzzyMatcher("son"))
    let atStart = try #require(matcher.match(FuzzyMatcher.Text("claude-sonnet")))
    let scattered = try #require(matcher.match(FuzzyMatcher.Text("superconductor-n")))
    #expect(atStart.score > scattered.score)
    #expect(matcher.match(FuzzyMatcher.Text("nos")) == nil)
  }
}
