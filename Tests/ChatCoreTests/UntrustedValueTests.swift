import ChatDomain
import Foundation
import OpenRouter
import Testing

@testable import ChatCore

/// Numbers that reach `ChatCore` from a server (or an archive) never trap.
@Suite struct UntrustedValueTests {
  @Test func durationsOfAnySizeConvertToMillisecondsWithoutTrapping() {
    #expect(Duration.seconds(Int64.max).wholeMilliseconds == Int.max)
    #expect(Duration.seconds(Int64.min).wholeMilliseconds == Int.min)
    #expect(Duration.seconds(Int64.max / 1000 + 1).wholeMilliseconds == Int.max)
    #expect(Duration.milliseconds(1500).wholeMilliseconds == 1500)
    #expect(Duration.microseconds(2999).wholeMilliseconds == 2)
    #expect(Duration.milliseconds(-1500).wholeMilliseconds == -1500)
  }

  @Test func tokenSumsSaturateInsteadOfTrapping() {
    let huge = TokenUsage(promptTokens: .max, completionTokens: .max)
    #expect(huge.totalTokens == .max)
    var row = UsageReport.Row(key: "a")
    row.add(huge)
    row.add(huge)
    #expect(row.promptTokens == .max)
    #expect(row.totalTokens == .max)
  }

  @Test func aClientUsageWithHugeCountsConvertsWithoutTrapping() throws {
    let usage = try JSONDecoder().decode(
      Usage.self,
      from: Data(#"{"prompt_tokens":9223372036854775807,"completion_tokens":5,"cost":1e300}"#.utf8))
    let converted = TokenUsage(usage)
    #expect(converted.promptTokens > 0)
    #expect(converted.totalTokens >= converted.promptTokens)
    #expect(converted.cost == nil)
  }
}
