import ChatDomain
import Foundation
import Testing

@testable import ChatCore

@Suite struct UsageReportTests {
  let fixture: StoreFixture

  init() async throws {
    fixture = try await StoreFixture()
  }

  func entry(
    _ day: Double, agent: String, model: String, served: String?, cost: String?,
    endpoint: String = RequestLogEntry.chatEndpoint
  ) -> RequestLogEntry {
    RequestLogEntry(
      startedAt: Date(timeIntervalSince1970: 1_777_593_600 + day * 86_400), endpoint: endpoint,
      agent: agent, model: model, servedModel: served, outcome: .ok, durationMilliseconds: 10,
      usage: TokenUsage(
        promptTokens: 100, completionTokens: 10, reasoningTokens: 2, cachedTokens: 50,
        cost: cost.flatMap { Decimal(string: $0) }))
  }

  @Test func sumsTokensAndCostByAgentModelAndDay() async throws {
    let store = fixture.store
    try await store.logRequest(
      entry(0, agent: "coder", model: "a/x", served: "a/x-1", cost: "0.001"))
    try await store.logRequest(entry(0.5, agent: "coder", model: "a/x", served: nil, cost: "0.002"))
    try await store.logRequest(entry(1, agent: "writer", model: "b/y", served: "b/y", cost: nil))
    try await store.logRequest(
      entry(1, agent: "writer", model: "b/y", served: "b/y", cost: "9", endpoint: "/models"))
    let byAgent = try await store.usage(groupedBy: .agent, timeZone: .gmt)
    #expect(byAgent.rows.map(\.key) == ["coder", "writer"])
    #expect(byAgent.rows.map(\.requests) == [2, 1])
    #expect(byAgent.rows.map(\.cost) == [Decimal(string: "0.003"), nil])
    #expect(byAgent.total.promptTokens == 300)
    #expect(byAgent.total.cachedTokens == 150)
    #expect(byAgent.total.reasoningTokens == 6)
    #expect(byAgent.total.totalTokens == 330)
    #expect(byAgent.total.cost == Decimal(string: "0.003"))
    let byModel = try await store.usage(groupedBy: .model, timeZone: .gmt)
    #expect(byModel.rows.map(\.key) == ["a/x", "a/x-1", "b/y"])
    let byDay = try await store.usage(groupedBy: .day, timeZone: .gmt)
    #expect(byDay.rows.map(\.key) == ["2026-05-01", "2026-05-02"])
    let pacific = try #require(TimeZone(identifier: "America/Los_Angeles"))
    let local = try await store.usage(groupedBy: .day, timeZone: pacific)
    #expect(local.rows.map(\.key) == ["2026-04-30", "2026-05-01"])
    #expect(local.rows.map(\.requests) == [1, 2])
    let since = try await store.usage(
      since: Date(timeIntervalSince1970: 1_777_593_600 + 86_400), groupedBy: .agent, timeZone: .gmt)
    #expect(since.rows.map(\.key) == ["writer"])
  }
}
