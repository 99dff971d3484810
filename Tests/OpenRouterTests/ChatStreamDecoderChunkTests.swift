import Foundation
import TestSupport
import Testing

@testable import OpenRouter

/// The chunk shapes (OpenRouter.docc/EdgeCases.md, cases 24–42 and 49–51).
@Suite struct ChatStreamDecoderChunkTests {
  @Test func usageChunkWithEmptyChoicesIsRead() {
    let result = decodeChat(
      sse(
        chunks.content("Hi"), chunks.finish(),
        chunks.usage(prompt: 48, completion: 11, cost: "0.0000368"), "[DONE]"))
    #expect(result.events.summary?.usage?.totalTokens == 59)
    #expect(result.events.summary?.usage?.cost == Decimal(string: "0.0000368"))
  }

  @Test func dummyChoiceUsageChunkKeepsTheEarlierFinishReason() {
    let result = decodeChat(
      sse(
        chunks.content("Hi"), chunks.finish("length"),
        chunks.usageWithDummyChoice(prompt: 48, completion: 11, cost: "0.0000368"), "[DONE]"))
    #expect(result.events.summary?.finishReason == .length)
    #expect(result.events.summary?.usage?.promptTokens == 48)
    #expect(result.events.filter { if case .finishReason = $0 { true } else { false } }.count == 1)
  }

  @Test func usageOnlyChunkWithoutIdModelOrChoicesIsLenient() {
    let result = decodeChat(
      sse(
        chunks.content("a", finish: "stop"),
        #"{"usage":{"prompt_tokens":1,"completion_tokens":2}}"#,
        #"{"choices":null}"#, "[DONE]"))
    #expect(result.error == nil)
    #expect(result.events.summary?.usage?.totalTokens == 3)
  }

  @Test func toolCallFragmentsAccumulateByIndex() {
    let result = decodeChat(
      sse(
        chunks.delta(
          #""role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]"#
        ),
        chunks.delta(#""tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]"#),
        chunks.delta(#""tool_calls":[{"index":0,"function":{"arguments":"\"Oslo\"}"}}]"#),
        chunks.finish("tool_calls"), "[DONE]"))
    #expect(result.events.text.isEmpty)
    #expect(
      result.events.summary?.toolCalls == [
        ToolCall(id: "call_1", name: "get_weather", arguments: #"{"city":"Oslo"}"#)
      ])
    #expect(result.events.summary?.finishReason == .toolCalls)
  }

  @Test func singleFragmentToolCallIsCompleteAndLaterEmptyFragmentsChangeNothing() {
    let result = decodeChat(
      sse(
        chunks.delta(
          #""tool_calls":[{"index":0,"id":"c","type":"function","function":{"name":"f","arguments":"{\"x\":1}"}}]"#
        ),
        chunks.delta(#""tool_calls":[{"index":0,"function":{"arguments":""}}]"#),
        chunks.finish("tool_calls"), "[DONE]"))
    #expect(
      result.events.summary?.toolCalls == [ToolCall(id: "c", name: "f", arguments: #"{"x":1}"#)])
  }

  @Test func interleavedParallelToolCallsKeepSeparateBuffers() {
    let result = decodeChat(
      sse(
        chunks.delta(
          #""tool_calls":[{"index":0,"id":"a","function":{"name":"f","arguments":"{\"p\":"}}]"#),
        chunks.delta(
          #""tool_calls":[{"index":1,"id":"b","function":{"name":"g","arguments":"{\"q\":"}}]"#),
        chunks.delta(#""tool_calls":[{"index":0,"function":{"arguments":"1}"}}]"#),
        chunks.delta(#""tool_calls":[{"index":1,"function":{"arguments":"2}"}}]"#),
        chunks.finish("stop"), "[DONE]"))
    #expect(
      result.events.summary?.toolCalls == [
        ToolCall(id: "a", name: "f", arguments: #"{"p":1}"#),
        ToolCall(id: "b", name: "g", arguments: #"{"q":2}"#),
      ])
    // Tool calls with finish `stop` count as tool calls (OpenRouter.docc/EdgeCases.md, case 32).
    #expect(result.events.summary?.finishReason == .toolCalls)
  }

  @Test func missingIndexAndEmptyOrDuplicateIdsAreRepaired() {
    let result = decodeChat(
      sse(
        chunks.delta(#""tool_calls":[{"id":"","function":{"name":"ping","arguments":"{\"n\":"}}]"#),
        chunks.delta(#""tool_calls":[{"function":{"arguments":"1}"}}]"#),
        chunks.delta(#""tool_calls":[{"id":"dup","function":{"name":"a","arguments":""}}]"#),
        chunks.delta(
          #""tool_calls":[{"index":7,"id":"dup","function":{"name":"b","arguments":""}}]"#),
        chunks.finish("tool_calls"), "[DONE]"))
    let calls = result.events.summary?.toolCalls ?? []
    #expect(calls.map(\.function.name) == ["ping", "a", "b"])
    #expect(calls[0].function.arguments == #"{"n":1}"#)
    #expect(Set(calls.map(\.id)).count == 3)
    #expect(calls.allSatisfy { !$0.id.isEmpty })
    // A tool without arguments is sent back as `{}` (OpenRouter.docc/EdgeCases.md, case 31).
    #expect(calls[1].function.arguments == "{}")
  }

  @Test func nullContentIsNotATextDeltaAndRoleOnEveryChunkIsOneMessage() {
    let result = decodeChat(
      sse(
        chunks.delta(#""role":"assistant","content":null"#), chunks.content(""),
        chunks.content("one"), chunks.content(" message"), chunks.finish(), "[DONE]"))
    #expect(
      result.events.filter { if case .content = $0 { true } else { false } } == [
        .content("one"), .content(" message"),
      ])
  }

  @Test func reasoningMirroredInTwoFieldsIsShownOnce() {
    let mirrored = chunks.delta(
      #""reasoning":"Hm","reasoning_details":[{"type":"reasoning.text","text":"Hm"}]"#)
    let result = decodeChat(sse(mirrored, chunks.content("ok"), chunks.finish(), "[DONE]"))
    #expect(result.events.reasoningText == "Hm")
    #expect(result.events.summary?.reasoning == "Hm")
  }

  @Test func reasoningFromTheReasoningFieldWhenNoDetails() {
    let result = decodeChat(
      sse(
        chunks.delta(#""reasoning":"plain ","reasoning_details":[]"#),
        chunks.delta(#""reasoning":"text""#),
        chunks.finish(), "[DONE]"))
    #expect(result.events.reasoningText == "plain text")
  }

  @Test func signatureOnlyAndEncryptedReasoningAreKeptButNotShown() {
    let result = decodeChat(
      sse(
        chunks.delta(
          #""reasoning":"A ","reasoning_details":[{"type":"reasoning.text","text":"A ","format":"anthropic-claude-v1","index":0}]"#
        ),
        chunks.delta(
          #""reasoning":"B","reasoning_details":[{"type":"reasoning.text","text":"B","index":0}]"#),
        chunks.delta(
          #""reasoning":null,"reasoning_details":[{"type":"reasoning.text","signature":"Eq1"}]"#),
        chunks.delta(
          #""reasoning_details":[{"type":"reasoning.encrypted","data":"[REDACTED]","id":"rs_1"}]"#),
        chunks.content("51"), chunks.finish(), "[DONE]"))
    #expect(result.events.reasoningText == "A B")
    let details = result.events.summary?.reasoningDetails ?? []
    #expect(
      details == [
        .object([
          "type": .string("reasoning.text"), "text": .string("A B"),
          "format": .string("anthropic-claude-v1"),
          "index": .number(0), "signature": .string("Eq1"),
        ]),
        .object([
          "type": .string("reasoning.encrypted"), "data": .string("[REDACTED]"),
          "id": .string("rs_1"),
        ]),
      ])
  }

  @Test func midStreamErrorWithNumericCodeThrowsAfterThePartialText() {
    let result = decodeChat(
      sse(
        chunks.content("The first three primes are 2, 3"),
        chunks.midStreamError(code: "502", message: "Provider disconnected unexpectedly")))
    #expect(result.events.text == "The first three primes are 2, 3")
    let error = result.error
    #expect(error?.category == .upstream)
    #expect(error?.code == .int(502))
    #expect(error?.status == nil)
    #expect(error?.message == "Provider disconnected unexpectedly")
    #expect(error?.errorType == "provider_unavailable")
    #expect(error?.providerCode == "ECONNRESET")
    #expect(error?.afterContent == true)
    #expect(error?.isInBand == true)
  }

  @Test func midStreamErrorWithStringCodeAndDoneAfterIt() {
    let result = decodeChat(
      sse(
        chunks.content("x"),
        chunks.midStreamError(
          code: "\"server_error\"", message: "Provider disconnected", errorType: "server"),
        "[DONE]"))
    #expect(result.error?.code == .string("server_error"))
    #expect(result.error?.category == .upstream)
    #expect(result.events.summary == nil)
  }

  @Test func errorChunkWithoutChoicesIsAnErrorNotADecodingFailure() {
    let result = decodeChat(
      sse(
        #"{"error":{"message":"Provider returned error","code":429,"metadata":{"error_type":"rate_limit_exceeded"}}}"#
      ))
    #expect(result.error?.category == .rateLimited(retryAfter: nil))
    #expect(result.error?.afterContent == false)
    #expect(result.error?.isTransient == true)
  }

  @Test func unknownFinishReasonsAreKept() {
    let result = decodeChat(sse(chunks.finish("MAX_TOKENS", native: "refusal"), "[DONE]"))
    #expect(result.events.summary?.finishReason == .other("MAX_TOKENS"))
    #expect(result.events.summary?.nativeFinishReason == "refusal")
  }

  @Test func servedModelIsReportedEvenWhenItDiffersFromTheRequest() {
    let dated = StubChunks(model: "deepseek/deepseek-v4-flash-20260423")
    let result = decodeChat(sse(dated.content("x"), dated.finish(), "[DONE]"))
    #expect(
      result.events.first
        == .metadata(
          ResponseMetadata(
            generationID: dated.id, model: "deepseek/deepseek-v4-flash-20260423", provider: "OpenAI"
          )))
  }

  @Test func unknownKeysAndNullUsageDetailsAreIgnored() {
    let chunk =
      #"{"id":"g","model":"m","openrouter_metadata":{"attempt":2},"service_tier":"x","#
      + #""choices":[{"index":0,"delta":{"content":"hi","annotations":[],"images":[]},"logprobs":{"a":1},"finish_reason":"stop"}],"#
      + #""usage":{"prompt_tokens":1,"completion_tokens":1,"cost":0.0000368,"cost_details":{"upstream_inference_cost":null},"prompt_tokens_details":null}}"#
    let result = decodeChat(sse(chunk, "[DONE]"))
    #expect(result.error == nil)
    #expect(result.events.text == "hi")
    #expect(result.events.summary?.usage?.cost == Decimal(string: "0.0000368"))
  }
}
