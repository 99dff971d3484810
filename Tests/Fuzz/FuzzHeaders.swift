// libFuzzer entry for the numbers a server sends: retry hints in headers and bodies,
// error codes, provider codes, token counts, costs and times.
//
// The input is up to four lines of text. Each is tried as every retry header, as the
// `X-RateLimit-Reset` of an error's metadata (a string and, when it is a JSON number, a
// number), as `availability.retry_after`, as an error code, as a provider code, as token
// counts and cost of a usage, and as `created`. Besides "no crash", every delay must be
// within 0...RetryAfter.maximum and every count within 0...Usage.maximumTokens.

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let lines = text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false)
    .map(String.init)
  let now = Date(timeIntervalSince1970: 1_760_000_000)

  for value in lines {
    for name in ["retry-after-ms", "Retry-After", "X-RateLimit-Reset"] {
      checkDelay(RetryAfter.delay(headers: [(name, value)], body: nil, now: now))
    }
    let quoted = jsonString(value)
    // As a string everywhere a string is allowed, and as a raw JSON number where it parses.
    var fields = [quoted]
    if (try? JSONDecoder().decode(Double.self, from: Data(value.utf8))) != nil {
      fields.append(value)
    }
    for field in fields {
      let body =
        #"{"error":{"code":\#(field),"message":"m","availability":{"retry_after":\#(field)},"#
        + #""metadata":{"provider_code":\#(field),"headers":{"X-RateLimit-Reset":\#(field)}}}}"#
      for status in [429, 403, 503] {
        let error = OpenRouterError.fromHTTP(
          status: status,
          headers: lines.enumerated().map { index, line in
            (["retry-after-ms", "Retry-After", "X-RateLimit-Reset", "x-other"][index], line)
          }, body: Array(body.utf8), now: now)
        checkDelay(error.retryAfter)
        _ = error.userMessage
        _ = RetryPolicy().delay(beforeRetry: 1, after: error, waitedSoFar: .zero, random: 0.5)
      }
      let usage =
        #"{"prompt_tokens":\#(field),"completion_tokens":\#(field),"total_tokens":\#(field),"#
        + #""cost":\#(field),"prompt_tokens_details":{"cached_tokens":\#(field)},"#
        + #""completion_tokens_details":{"reasoning_tokens":\#(field)}}"#
      if let decoded = try? JSONDecoder().decode(Usage.self, from: Data(usage.utf8)) {
        for count in [
          decoded.promptTokens, decoded.completionTokens, decoded.cachedTokens,
          decoded.reasoningTokens,
        ]
        where !(0...Usage.maximumTokens).contains(count) {
          fatalError("a token count out of range: \(count)")
        }
        if let cost = decoded.cost, cost < 0 || cost > Usage.maximumCost {
          fatalError("cost \(cost)")
        }
      }
      let reply = #"{"created":\#(field),"choices":[],"usage":\#(usage)}"#
      if let completion = try? JSONDecoder().decode(
        ChatCompletionResponse.self, from: Data(reply.utf8)),
        let created = completion.created, !(0...UnixTime.latest).contains(created)
      {
        fatalError("created out of range: \(created)")
      }
    }
  }
  return 0
}

func checkDelay(_ delay: Duration?) {
  guard let delay else { return }
  if delay < .zero || delay > RetryAfter.maximum { fatalError("a delay out of range: \(delay)") }
  _ = OpenRouterError.seconds(delay)
}

func jsonString(_ text: String) -> String {
  String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
}
