import Foundation
import TestSupport
import Testing

@testable import OpenRouter

/// The hint of an error's one line is chosen from its metadata (`error_type`, the provider,
/// `metadata.raw`, moderation `reasons`, the status, whether content came first), not from
/// the status alone (OpenRouter.docc/Errors.md, What the user is told).
///
/// The bodies are shaped like real OpenRouter errors, reduced to the members that matter.
@Suite struct ErrorWordingTests {
  func error(_ status: Int, _ body: String) -> OpenRouterError {
    OpenRouterError.fromHTTP(status: status, headers: [], body: Array(body.utf8))
  }

  @Test func aProviderRegionRestrictionIsNotModeration() {
    // OpenAI refusing a country, relayed by OpenRouter as a 403 with the provider's own
    // error inside `metadata.raw`.
    let raw =
      #"{\"error\":{\"code\":\"unsupported_country_region_territory\","#
      + #"\"message\":\"Country, region, or territory not supported\",\"type\":\"request_forbidden\"}}"#
    let error = error(
      403,
      #"{"error":{"code":403,"message":"Provider returned error","#
        + #""metadata":{"provider_name":"OpenAI","raw":"\#(raw)"}},"user_id":"user_x"}"#)
    #expect(error.category == .notFound)
    #expect(!error.isTransient)
    #expect(
      error.userMessage
        == "Not available in your region (HTTP 403: [OpenAI] Country, region, or territory "
        + "not supported); pick another model or provider")
  }

  @Test func anAvailabilityRegionRestrictionReadsTheSame() {
    let error = error(
      403,
      #"{"error":{"message":"This model is not available in your region.","#
        + #""error_type":"permission_denied","http_status":403,"#
        + #""availability":{"code":"region_restricted","retryable":false}}}"#)
    #expect(error.category == .notFound)
    #expect(error.userMessage.hasPrefix("Not available in your region (HTTP 403: "))
  }

  @Test func moderationWithReasonsIsStillModeration() {
    let error = error(
      403,
      #"{"error":{"code":403,"message":"Input was flagged","#
        + #""metadata":{"reasons":["violence"],"flagged_input":"…","provider_name":"OpenAI"}}}"#)
    #expect(error.category == .moderation)
    #expect(
      error.userMessage
        == "Blocked by moderation (HTTP 403: [OpenAI] Input was flagged (flagged: violence)); "
        + "edit the message or pick another model")
  }

  @Test func anotherProviderRefusalIsNeitherModerationNorRegion() {
    let error = error(
      403,
      #"{"error":{"code":403,"message":"Provider returned error","metadata":{"#
        + #""provider_name":"OpenAI","raw":"{\"error\":{\"message\":\"Organization must be verified\"}}"}}}"#
    )
    #expect(error.category == .badRequest)
    #expect(
      error.userMessage
        == "Refused by the provider (HTTP 403: [OpenAI] Organization must be verified); "
        + "pick another model or provider")
  }

  @Test func aBare403DoesNotClaimModeration() {
    let error = error(
      403, #"{"error":{"code":403,"message":"Key is not allowed to use this model"}}"#)
    #expect(!error.userMessage.contains("moderation"))
    #expect(
      error.userMessage
        == "Refused by OpenRouter (HTTP 403: Key is not allowed to use this model); "
        + "check the key's guardrails and permissions, or pick another model")
  }

  @Test func aMidStreamTokenLimitAfterContentDoesNotBlameTheModelID() throws {
    // A free model stopping with `length`, then an error chunk that carries the usage.
    let usage = #""usage":{"prompt_tokens":43,"completion_tokens":10,"total_tokens":53,"cost":0}"#
    let provider = StubChunks(provider: "Minimax", model: "minimax/minimax-m2:free")
    let result = decodeChat(
      sse(
        provider.delta(#""role":"assistant","content":"","reasoning":"We need to answer""#),
        provider.delta(
          #""role":"assistant","content":"","reasoning":" briefly""#, finish: "length"),
        provider.finish("length"),
        #"{"id":"gen-9","provider":"Minimax","error":{"code":400,"message":"Token limit reached"},"#
          + #""choices":[{"index":0,"delta":{"content":""},"finish_reason":null}],\#(usage)}"#,
        "[DONE]"))
    #expect(result.events.reasoningText == "We need to answer briefly")
    let error = try #require(result.error)
    #expect(error.afterContent)
    #expect(error.providerName == "Minimax")
    #expect(!error.userMessage.contains("model id"))
    #expect(
      error.userMessage
        == "The reply hit a token limit (error 400: [Minimax] Token limit reached); "
        + "the partial reply was kept, raise the max tokens or shorten the conversation")
  }

  @Test func anotherMidStreamBadRequestAfterContentKeepsThePartialReply() throws {
    // The error names no provider: the one the chunks named is shown.
    let result = decodeChat(
      sse(chunks.content("Some text"), #"{"error":{"code":400,"message":"Invalid chunk order"}}"#))
    let error = try #require(result.error)
    #expect(!error.userMessage.contains("model id"))
    #expect(
      error.userMessage
        == "The provider stopped the reply (error 400: [OpenAI] Invalid chunk order); "
        + "the partial reply was kept, try again or pick another model")
  }

  @Test func aContextLengthErrorSaysToShortenTheConversation() {
    let error = error(
      400,
      #"{"error":{"message":"This endpoint's maximum context length is 200000 tokens. "#
        + #"However, you requested about 2500021 tokens.","code":400,"#
        + #""metadata":{"provider_name":null}},"user_id":"user_x"}"#)
    #expect(
      error.userMessage.hasSuffix(
        "; shorten the conversation or pick a model with a larger context"))
  }

  @Test func aProviderValidationErrorPointsAtTheOptions() {
    // `metadata.raw` pretty-printed over several lines.
    let raw =
      #"{\n  \"error\": {\n    \"message\": \"Unsupported value: 'none' is not supported "#
      + #"with this model.\",\n    \"param\": \"reasoning.effort\"\n  }\n}"#
    let error = error(
      400,
      #"{"error":{"code":400,"message":"Provider returned error","#
        + #""metadata":{"is_byok":false,"provider_name":"OpenAI","raw":"\#(raw)"}}}"#)
    #expect(
      error.userMessage
        == "Request rejected by the provider (HTTP 400: [OpenAI] Unsupported value: 'none' is "
        + "not supported with this model.); check the options or pick another model")
  }

  @Test func upstreamRateLimitsAndMissingEndpointsKeepTheirHints() {
    let limited = error(
      429,
      #"{"error":{"code":429,"message":"Provider returned error","metadata":{"#
        + #""provider_name":"Google","raw":"a/b:free is temporarily rate-limited upstream."}}}"#)
    #expect(
      limited.userMessage
        == "Rate limited (HTTP 429: [Google] a/b:free is temporarily rate-limited upstream.); "
        + "wait a moment and try again, or pick another model")
    let missing = error(
      404, #"{"error":{"code":404,"message":"No endpoints found for a/b:free."}}"#)
    #expect(
      missing.userMessage
        == "Model or endpoint not available (HTTP 404: No endpoints found for a/b:free.); "
        + "check the model id with `orchat models`")
    let auth = error(401, #"{"error":{"code":401,"message":"Missing Authentication header"}}"#)
    #expect(auth.category == .auth)
  }
}
