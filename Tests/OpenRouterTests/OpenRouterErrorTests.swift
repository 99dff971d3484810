import Foundation
import TestSupport
import Testing

@testable import OpenRouter

/// Builds the error the client makes of a stub error reply.
func httpError(_ reply: StubReply, now: Date = Date()) -> OpenRouterError {
  let body = reply.steps.flatMap { step -> [UInt8] in
    if case .bytes(let bytes) = step { return bytes }
    return []
  }
  return OpenRouterError.fromHTTP(
    status: reply.status, headers: reply.headers, body: body, now: now)
}

@Suite struct OpenRouterErrorTests {
  @Test func statusesMapToCategories() {
    let expected: [(Int, OpenRouterError.Category)] = [
      (400, .badRequest), (401, .auth), (402, .credits), (403, .moderation), (404, .notFound),
      (408, .timeout), (413, .badRequest), (500, .upstream), (502, .upstream), (524, .timeout),
      (529, .upstream),
    ]
    for (status, category) in expected {
      #expect(httpError(StubErrors.reply(status: status)).category == category, "HTTP \(status)")
    }
    #expect(
      httpError(StubErrors.reply(status: 429)).category
        == .rateLimited(retryAfter: .milliseconds(200)))
    #expect(httpError(StubErrors.reply(status: 503)).retryAfter == .milliseconds(200))
  }

  @Test func userMessagesAreOneLineAndSayWhatToDo() {
    #expect(
      httpError(StubErrors.reply(status: 401)).userMessage
        == "API key rejected (HTTP 401: No auth credentials found); set a valid key in OPENROUTER_API_KEY"
    )
    #expect(
      httpError(StubErrors.reply(status: 402)).userMessage
        == "Out of credits (HTTP 402: Insufficient credits. Add more using https://openrouter.ai/credits);"
        + " add credits at https://openrouter.ai/credits or lower the max tokens")
    #expect(
      httpError(StubErrors.reply(status: 400)).userMessage
        == "Request rejected (HTTP 400: max_tokens must be at least 1); check the model id and the options"
    )
    #expect(
      httpError(StubErrors.html502).userMessage
        == "The model provider failed (HTTP 502: 502 Bad Gateway); try again or pick another model")
    for status in [400, 401, 402, 403, 404, 408, 413, 429, 500, 502, 503, 524, 529] {
      let message = httpError(StubErrors.reply(status: status)).userMessage
      #expect(!message.contains("\n") && !message.isEmpty)
    }
  }

  @Test func stringifiedRawMetadataGivesTheProviderMessage() {
    let error = httpError(StubErrors.reply(status: 429, variant: "upstream"))
    #expect(error.message == "model is temporarily rate-limited upstream")
    #expect(error.providerName == "ExampleProvider")
    #expect(error.errorType == "rate_limit_exceeded")
    #expect(
      error.userMessage.contains("[ExampleProvider] model is temporarily rate-limited upstream"))
  }

  @Test func plainTextRawReplacesAGenericMessage() {
    let error = httpError(StubErrors.reply(status: 502))
    #expect(error.message == "upstream connect error")
  }

  @Test func moderationReasonsAreShown() {
    let error = httpError(StubErrors.reply(status: 403))
    #expect(error.message == "Input was flagged by moderation (flagged: harassment)")
    #expect(error.providerName == "OpenAI")
  }

  @Test func availabilityErrorWithoutCodeUsesItsHTTPStatus() {
    let error = httpError(StubErrors.reply(status: 404))
    #expect(error.category == .notFound)
    #expect(error.code == .int(404))
    #expect(error.availabilityRetryable == false)
    #expect(!error.isTransient)
  }

  @Test func nonJSONBodyUsesTheStatusAndTheTextOfTheBody() {
    let plain = OpenRouterError.fromHTTP(
      status: 503, headers: [], body: Array("upstream connect error or disconnect\n".utf8))
    #expect(plain.category == .upstream)
    #expect(plain.message == "upstream connect error or disconnect")
    let empty = OpenRouterError.fromHTTP(status: 504, headers: [], body: [])
    #expect(empty.message == "Gateway Timeout")
    #expect(empty.category == .timeout)
  }

  @Test func leadingWhitespaceBeforeAJSONBodyIsAccepted() {
    let error = OpenRouterError.fromHTTP(
      status: 401, headers: [],
      body: Array(" \n{\"error\":{\"code\":401,\"message\":\"bad key\"}}".utf8))
    #expect(error.message == "bad key")
  }

  @Test func serverTextCannotBreakTheOneLineContract() {
    let error = OpenRouterError.fromHTTP(
      status: 400, headers: [],
      body: Array(
        #"{"error":{"code":400,"message":"line one\nline two\u001b]2;title\u0007 end"}}"#.utf8))
    #expect(!error.userMessage.contains("\n"))
    #expect(!error.userMessage.contains("\u{1B}"))
  }

  @Test func transientClassification() {
    for status in [408, 429, 500, 502, 503, 504, 524, 529] {
      #expect(httpError(StubErrors.reply(status: status)).isTransient, "HTTP \(status)")
    }
    for status in [400, 401, 402, 403, 404, 413, 422] {
      #expect(!httpError(StubErrors.reply(status: status)).isTransient, "HTTP \(status)")
    }
    var afterContent = httpError(StubErrors.reply(status: 502))
    afterContent.afterContent = true
    #expect(!afterContent.isTransient)
  }
}

@Suite struct RetryAfterTests {
  let now = Date(timeIntervalSince1970: 1_760_000_000)

  @Test func secondsFractionalSecondsAndMilliseconds() {
    #expect(RetryAfter.delay(headers: [("Retry-After", "40")], body: nil, now: now) == .seconds(40))
    #expect(
      RetryAfter.delay(headers: [("retry-after", "1.5")], body: nil, now: now)
        == .milliseconds(1500))
    #expect(
      RetryAfter.delay(headers: [("retry-after-ms", "1500")], body: nil, now: now)
        == .milliseconds(1500))
  }

  @Test func httpDateIsConvertedToADelay() {
    let date = "Thu, 09 Oct 2025 08:53:40 GMT"  // now + 20 s
    #expect(RetryAfter.delay(headers: [("Retry-After", date)], body: nil, now: now) == .seconds(20))
    let past = "Thu, 09 Oct 2025 08:00:00 GMT"
    #expect(RetryAfter.delay(headers: [("Retry-After", past)], body: nil, now: now) == .zero)
  }

  @Test func bodyHintsAvailabilityAndRateLimitReset() throws {
    let availability = try JSONDecoder().decode(
      ErrorBody.self, from: Data(#"{"message":"x","availability":{"retry_after":40}}"#.utf8))
    #expect(RetryAfter.delay(headers: [], body: availability, now: now) == .seconds(40))
    let reset = try JSONDecoder().decode(
      ErrorBody.self,
      from: Data(
        #"{"message":"x","metadata":{"headers":{"X-RateLimit-Reset":"1760000005000"}}}"#.utf8))
    #expect(RetryAfter.delay(headers: [], body: reset, now: now) == .seconds(5))
    #expect(RetryAfter.delay(headers: [], body: nil, now: now) == nil)
  }
}

@Suite struct RetryPolicyTests {
  let policy = RetryPolicy(
    maxRetries: 3, baseDelay: .milliseconds(500), maxDelay: .seconds(8),
    maxServerDelay: .seconds(60), maxTotalWait: .seconds(20), jitter: 0.75...1.0)

  @Test func exponentialBackoffWithJitterAndCap() {
    let error = httpError(StubErrors.reply(status: 500))
    #expect(
      policy.delay(beforeRetry: 1, after: error, waitedSoFar: .zero, random: 1)
        == .milliseconds(500))
    #expect(
      policy.delay(beforeRetry: 2, after: error, waitedSoFar: .zero, random: 1) == .seconds(1))
    #expect(
      policy.delay(beforeRetry: 3, after: error, waitedSoFar: .zero, random: 0)
        == .milliseconds(1500))
    #expect(policy.delay(beforeRetry: 4, after: error, waitedSoFar: .zero) == nil)
    let long = RetryPolicy(maxRetries: 10, maxDelay: .seconds(8), maxTotalWait: .seconds(100))
    #expect(long.delay(beforeRetry: 9, after: error, waitedSoFar: .zero, random: 1) == .seconds(8))
  }

  @Test func serverHintWinsAndAHintOverTheCapGivesUp() {
    var error = httpError(StubErrors.reply(status: 429))
    error.retryAfter = .seconds(3)
    #expect(policy.delay(beforeRetry: 1, after: error, waitedSoFar: .zero) == .seconds(3))
    error.retryAfter = .seconds(3600)
    #expect(policy.delay(beforeRetry: 1, after: error, waitedSoFar: .zero) == nil)
  }

  @Test func totalWaitIsCapped() {
    var error = httpError(StubErrors.reply(status: 503))
    error.retryAfter = .seconds(15)
    #expect(policy.delay(beforeRetry: 2, after: error, waitedSoFar: .seconds(10)) == nil)
  }

  @Test func neverRetriesClientErrors() {
    for status in [400, 401, 402, 403, 404, 413, 422] {
      #expect(
        policy.delay(
          beforeRetry: 1, after: httpError(StubErrors.reply(status: status)), waitedSoFar: .zero)
          == nil)
    }
  }
}
