import Foundation
import TestSupport
import Testing

@testable import OpenRouter

/// The longest server hint the client believes: anything longer means "give up now" anyway.
private let maximumHint = Duration.seconds(7 * 86_400)
/// The largest token count the client believes for one generation; no sum of a few million
/// of them can overflow.
private let maximumTokens = 1 << 40

/// Numbers a server sends are untrusted: none of them may trap the process. Each becomes a
/// clamped value, `nil`, or a typed error (OpenRouter.docc/EdgeCases.md, cases 56–60).
@Suite struct UntrustedNumberTests {
  let now = Date(timeIntervalSince1970: 1_760_000_000)

  // MARK: - Retry hints (case 56)

  static let hostileNumbers = [
    "inf", "-inf", "infinity", "nan", "-nan", "1e21", "1e22", "1e300", "-1e300", "-5",
    "99999999999999999999999999", "9223372036854775807", "-9223372036854775808", "0x10",
  ]

  @Test(arguments: hostileNumbers)
  func retryAfterMillisecondsHeaderNeverTraps(value: String) {
    let delay = RetryAfter.delay(headers: [("retry-after-ms", value)], body: nil, now: now)
    Self.expectSane(delay, value)
  }

  @Test(arguments: hostileNumbers)
  func retryAfterSecondsHeaderNeverTraps(value: String) {
    let delay = RetryAfter.delay(headers: [("Retry-After", value)], body: nil, now: now)
    Self.expectSane(delay, value)
  }

  @Test(arguments: hostileNumbers)
  func rateLimitResetHeaderNeverTraps(value: String) {
    let delay = RetryAfter.delay(headers: [("X-RateLimit-Reset", value)], body: nil, now: now)
    Self.expectSane(delay, value)
  }

  @Test(arguments: ["1e300", "-1e300", "1.7976931348623157e308", "\"inf\"", "\"nan\"", "\"1e300\""])
  func rateLimitResetInTheBodyNeverTraps(value: String) throws {
    let body = try JSONDecoder().decode(
      ErrorBody.self,
      from: Data(#"{"message":"x","metadata":{"headers":{"X-RateLimit-Reset":\#(value)}}}"#.utf8))
    Self.expectSane(RetryAfter.delay(headers: [], body: body, now: now), value)
  }

  @Test(arguments: ["1e300", "1.7976931348623157e308", "1e21", "-1"])
  func availabilityRetryAfterNeverTraps(value: String) throws {
    let body = try JSONDecoder().decode(
      ErrorBody.self, from: Data(#"{"message":"x","availability":{"retry_after":\#(value)}}"#.utf8))
    Self.expectSane(RetryAfter.delay(headers: [], body: body, now: now), value)
  }

  @Test func hugeHintsAreClampedAndMeanGiveUp() {
    for value in ["inf", "1e22", "1e300"] {
      let error = OpenRouterError.fromHTTP(
        status: 429, headers: [("retry-after-ms", value)],
        body: Array(#"{"error":{"code":429,"message":"slow down"}}"#.utf8), now: now)
      #expect(error.retryAfter == maximumHint, "\(value)")
      #expect(RetryPolicy().delay(beforeRetry: 1, after: error, waitedSoFar: .zero) == nil)
      #expect(error.userMessage.hasPrefix("Rate limited"))
    }
    let nan = RetryAfter.delay(headers: [("retry-after-ms", "nan")], body: nil, now: now)
    #expect(nan == nil)
    let negative = RetryAfter.delay(headers: [("Retry-After", "-5")], body: nil, now: now)
    #expect(negative == nil)
  }

  @Test func anInBandErrorWithHostileHintsDecodesThroughTheStream() {
    let chunk =
      #"{"error":{"code":429,"message":"slow","availability":{"retry_after":1e300},"#
      + #""metadata":{"headers":{"X-RateLimit-Reset":1e300}}}}"#
    let result = decodeChat(sse(chunk))
    #expect(result.error?.retryAfter == maximumHint)
    #expect(result.error?.userMessage.isEmpty == false)
  }

  @Test func httpDatesInEveryFormParseAndOthersAreNoHint() {
    // now + 20 s in the three forms of RFC 9110.
    for date in [
      "Thu, 09 Oct 2025 08:53:40 GMT", "Thursday, 09-Oct-25 08:53:40 GMT",
      "Thu Oct  9 08:53:40 2025",
    ] {
      #expect(
        RetryAfter.delay(headers: [("Retry-After", date)], body: nil, now: now) == .seconds(20),
        "\(date)")
    }
    for garbage in [
      "Thu, 99 Oct 2025 08:53:40 GMT", "Thu, 09 Oct 99999 08:53:40 GMT",
      "Thu, 09 Foo 2025 08:53:40 GMT",
      "Thu, 09 Oct 2025 25:00:00 GMT", "Thu, 09 Oct 2025 08:53:40 PST",
      "Thu, +9 Oct 2025 08:53:40 GMT",
      "", ",", "Thu Oct 9", "Thu, 09-Oct-2025 08:53:40 GMT",
    ] {
      #expect(
        RetryAfter.delay(headers: [("Retry-After", garbage)], body: nil, now: now) == nil,
        "\(garbage)")
    }
  }

  static func expectSane(_ delay: Duration?, _ value: String) {
    guard let delay else { return }
    #expect(delay >= .zero, "\(value)")
    #expect(delay <= maximumHint, "\(value)")
  }

  // MARK: - Error codes (case 57)

  @Test(arguments: [
    "1e300", "-1e300", "1.7976931348623157e308", "18446744073709551616",
    "-99999999999999999999999", "9223372036854775808", "\"99999999999999999999\"", "429.5",
  ])
  func hugeErrorCodesNeverTrap(code: String) {
    let body = Array(#"{"error":{"code":\#(code),"message":"odd code"}}"#.utf8)
    let error = OpenRouterError.fromHTTP(status: 500, headers: [], body: body)
    #expect(error.message == "odd code")
    #expect(error.code?.intValue == nil)
    #expect(error.category == .upstream)
    #expect(error.isTransient)
    #expect(!error.userMessage.isEmpty)
    let inBand = decodeChat(sse(#"{"error":{"code":\#(code),"message":"odd code"}}"#))
    #expect(inBand.error?.message == "odd code")
    #expect(inBand.error?.code?.intValue == nil)
  }

  @Test func integralCodesStillReadAsNumbers() throws {
    let decoder = JSONDecoder()
    #expect(try decoder.decode(IntOrString.self, from: Data("429".utf8)) == .int(429))
    #expect(try decoder.decode(IntOrString.self, from: Data("429.0".utf8)) == .int(429))
    #expect(try decoder.decode(IntOrString.self, from: Data("\"429\"".utf8)).intValue == 429)
  }

  @Test(arguments: [
    "1e300", "-1e300", "1.7976931348623157e308", "\"nan\"", "\"inf\"", "\"-inf\"", "1.5",
    "18446744073709551616",
  ])
  func providerCodesOutOfRangeNeverTrap(code: String) {
    let body = Array(
      #"{"error":{"code":502,"message":"bad","metadata":{"provider_code":\#(code)}}}"#.utf8)
    let error = OpenRouterError.fromHTTP(status: 502, headers: [], body: body)
    #expect(error.message == "bad")
    #expect(error.providerCode != nil)
  }

  @Test func integralProviderCodesKeepTheirDigits() {
    let body = Array(
      #"{"error":{"code":502,"message":"bad","metadata":{"provider_code":503}}}"#.utf8)
    #expect(OpenRouterError.fromHTTP(status: 502, headers: [], body: body).providerCode == "503")
  }

  // MARK: - Usage (case 58)

  @Test func tokenCountsWhoseSumOverflowsAreClamped() throws {
    let usage = try JSONDecoder().decode(
      Usage.self,
      from: Data(
        #"{"prompt_tokens":9223372036854775807,"completion_tokens":9223372036854775807}"#.utf8))
    #expect(usage.promptTokens == maximumTokens)
    #expect(usage.completionTokens == maximumTokens)
    #expect(usage.totalTokens == 2 * maximumTokens)
    let built = Usage(promptTokens: .max, completionTokens: .max)
    #expect(built.totalTokens == 2 * maximumTokens)
  }

  @Test func tokenCountsThatAreNotIntegersAreReadOrDropped() throws {
    let usage = try JSONDecoder().decode(
      Usage.self,
      from: Data(
        (#"{"prompt_tokens":1e300,"completion_tokens":-7,"total_tokens":12.0,"#
          + #""prompt_tokens_details":{"cached_tokens":1e300},"#
          + #""completion_tokens_details":{"reasoning_tokens":-1}}"#).utf8))
    #expect(usage.promptTokens == maximumTokens)
    #expect(usage.completionTokens == 0)
    #expect(usage.totalTokens == 12)
    #expect(usage.cachedTokens == maximumTokens)
    #expect(usage.reasoningTokens == 0)
  }

  @Test func aHostileUsageChunkDoesNotLoseTheReply() {
    let usage =
      #"{"choices":[],"usage":{"prompt_tokens":1e300,"completion_tokens":9223372036854775807,"#
      + #""cost":1e300}}"#
    let result = decodeChat(sse(chunks.content("kept"), chunks.finish(), usage, "[DONE]"))
    #expect(result.error == nil)
    #expect(result.events.summary?.content == "kept")
    #expect(result.events.summary?.usage?.completionTokens == maximumTokens)
    #expect(result.events.summary?.usage?.cost == nil)
  }

  @Test(arguments: ["1e300", "-1", "1e7", "\"NaN\""])
  func costsOutsideAnyPlausibleRangeAreDropped(cost: String) throws {
    let usage = try JSONDecoder().decode(
      Usage.self, from: Data(#"{"prompt_tokens":1,"cost":\#(cost)}"#.utf8))
    #expect(usage.cost == nil)
  }

  @Test func ordinaryCostsAreKeptExactly() throws {
    let usage = try JSONDecoder().decode(
      Usage.self, from: Data(#"{"prompt_tokens":1,"cost":0.0000368}"#.utf8))
    #expect(usage.cost == Decimal(string: "0.0000368"))
  }

  // MARK: - Times (case 59)

  @Test(arguments: ["9223372036854775807", "1e300", "-9223372036854775808", "253402300800"])
  func createdTimesOutsideTheCalendarAreDropped(created: String) throws {
    let model = try JSONDecoder().decode(
      ModelInfo.self,
      from: Data(
        #"{"id":"a/b","name":"B","created":\#(created),"pricing":{"prompt":"0","completion":"0"}}"#
          .utf8))
    #expect(model.created == nil)
    let completion = try JSONDecoder().decode(
      ChatCompletionResponse.self, from: Data(#"{"created":\#(created),"choices":[]}"#.utf8))
    #expect(completion.created == nil)
  }

  @Test func ordinaryCreatedTimesAreKept() throws {
    let model = try JSONDecoder().decode(
      ModelInfo.self,
      from: Data(
        #"{"id":"a/b","name":"B","created":1760000000,"pricing":{"prompt":"0","completion":"0"}}"#
          .utf8))
    #expect(model.created == 1_760_000_000)
  }

  // MARK: - Durations (case 60)

  @Test func aTransportWithAHugeConnectTimeoutDoesNotTrap() async {
    let transport = HTTPClientTransport(connectTimeout: .seconds(Int64.max))
    await transport.shutdown()
  }

  @Test func durationsOfAnySizeFormatWithoutTrapping() {
    #expect(OpenRouterError.seconds(.seconds(Int64.max)) == "9223372036854775807")
    #expect(OpenRouterError.seconds(.seconds(Int64.min)) == "-9223372036854775808")
    #expect(OpenRouterError.seconds(.milliseconds(1500)) == "1.5")
    var error = OpenRouterError(
      category: .rateLimited(retryAfter: .seconds(Int64.max)), message: "x")
    error.retryAfter = .seconds(Int64.max)
    #expect(error.userMessage.contains("wait 9223372036854775807 s"))
  }
}
