import Foundation
import TestSupport
import Testing

@testable import OpenRouter

/// Feeds a whole stream (cut at `cuts`) to a chat stream decoder and ends it.
func decodeChat(_ text: String, cuts: [Int] = []) -> (
  events: [ChatStreamEvent], error: OpenRouterError?
) {
  decodeChat(Array(text.utf8), cuts: cuts)
}

func decodeChat(_ bytes: [UInt8], cuts: [Int] = []) -> (
  events: [ChatStreamEvent], error: OpenRouterError?
) {
  var decoder = ChatStreamDecoder()
  var events: [ChatStreamEvent] = []
  var start = 0
  do {
    for cut in cuts.sorted() + [bytes.count] where cut >= start {
      try decoder.push(Array(bytes[start..<cut]), into: &events)
      start = cut
    }
    try decoder.finish(into: &events)
    return (events, nil)
  } catch let error as OpenRouterError {
    return (events, error)
  } catch {
    Issue.record("unexpected error type: \(error)")
    return (events, nil)
  }
}

extension Array where Element == ChatStreamEvent {
  var text: String {
    compactMap { if case .content(let text) = $0 { return text } else { return nil } }.joined()
  }

  var reasoningText: String {
    compactMap { if case .reasoning(let text) = $0 { return text } else { return nil } }.joined()
  }

  var summary: StreamSummary? {
    compactMap { if case .finished(let summary) = $0 { return summary } else { return nil } }.last
  }
}

let chunks = StubChunks()
let metadata = ChatStreamEvent.metadata(
  ResponseMetadata(generationID: chunks.id, model: chunks.model, provider: chunks.provider))

func sse(_ payloads: String...) -> String {
  payloads.map { $0.hasPrefix(":") ? "\($0)\n\n" : "data: \($0)\n\n" }.joined()
}

@Suite struct ChatStreamDecoderTests {
  @Test func normalStreamGivesExactEvents() {
    let usage = chunks.usage(prompt: 9, completion: 4, cost: "0.0000100")
    let result = decodeChat(
      sse(
        chunks.content(""), chunks.content("Hel"), chunks.content("lo, wörld 👋"), chunks.finish(),
        usage, "[DONE]"))
    #expect(result.error == nil)
    let expectedUsage = Usage(
      promptTokens: 9, completionTokens: 4, cost: Decimal(string: "0.00001"))
    #expect(
      Array(result.events.dropLast()) == [
        metadata, .content("Hel"), .content("lo, wörld 👋"), .finishReason(.stop),
      ] + [result.events[4]])
    guard case .usage(let usage) = result.events[4] else {
      Issue.record("expected usage, got \(result.events[4])")
      return
    }
    #expect(usage.promptTokens == expectedUsage.promptTokens)
    #expect(usage.completionTokens == 4)
    #expect(usage.totalTokens == 13)
    #expect(usage.cost == Decimal(string: "0.00001"))
    #expect(usage.cachedTokens == 0)
    let summary = result.events.summary
    #expect(summary?.content == "Hello, wörld 👋")
    #expect(summary?.finishReason == .stop)
    #expect(summary?.usage == usage)
    #expect(summary?.metadata.model == "openai/gpt-4.1-mini")
  }

  @Test func keepAliveCommentsAreNeverDecoded() {
    // Keep-alives and empty comments (OpenRouter.docc/EdgeCases.md, cases 1, 2 and 4).
    let result = decodeChat(
      ": OPENROUTER PROCESSING\n\n: \n\n:\n\n" + sse(chunks.content("a"))
        + ": OPENROUTER PROCESSING\n\n" + sse(chunks.content("b", finish: "stop"), "[DONE]"))
    #expect(result.error == nil)
    #expect(
      result.events == [
        metadata, .content("a"), .content("b"), .finishReason(.stop), result.events.last!,
      ])
  }

  @Test(arguments: ["data: [DONE]\n\n", "data:[DONE]\n\n", "data:  [DONE]  \n\n"])
  func doneSentinelEndsTheStream(done: String) {
    let result = decodeChat(
      sse(chunks.content("x")) + done + sse(chunks.content("ignored")) + ": x\n\n")
    #expect(result.error == nil)
    #expect(result.events.text == "x")
    #expect(result.events.summary?.content == "x")
  }

  @Test func eofWithoutFinishOrDoneThrowsInterruptedAfterThePartialText() {
    let result = decodeChat(sse(chunks.content("The answer is"), chunks.content(" forty")))
    #expect(result.events.text == "The answer is forty")
    #expect(result.error?.category == .interrupted)
    #expect(result.error?.afterContent == true)
  }

  @Test func eofWithoutAnythingThrowsInterruptedWithoutContent() {
    let result = decodeChat(": OPENROUTER PROCESSING\n\n")
    #expect(result.events.isEmpty)
    #expect(result.error?.category == .interrupted)
    #expect(result.error?.afterContent == false)
  }

  @Test func eofAfterFinishEndsNormallyWithoutUsage() {
    let result = decodeChat(sse(chunks.content("Done."), chunks.finish()))
    #expect(result.error == nil)
    #expect(result.events.summary?.finishReason == .stop)
    #expect(result.events.summary?.usage == nil)
  }

  @Test func lastEventWithoutBlankLineIsUsedWhenWhole() {
    let result = decodeChat("data: \(chunks.content("x"))\n\ndata: [DONE]")
    #expect(result.error == nil)
    #expect(result.events.summary?.content == "x")
    let finishing = decodeChat("data: \(chunks.content("x"))\n\ndata: \(chunks.finish())")
    #expect(finishing.error == nil)
    #expect(finishing.events.summary?.finishReason == .stop)
    let torn = decodeChat("data: \(chunks.content("x"))\n\ndata: {\"choi")
    #expect(torn.error?.category == .interrupted)
  }

  @Test(arguments: ["\r\n", "\r"])
  func crlfAndBareCRStreamsEqualTheLFStream(ending: String) {
    let lf = sse(chunks.content("a"), chunks.finish(), "[DONE]")
    let other = lf.replacingOccurrences(of: "\n", with: ending)
    #expect(decodeChat(other).events == decodeChat(lf).events)
  }

  @Test func eventSplitMidJSONIsBuffered() {
    let text = sse(chunks.content("whole"), "[DONE]")
    let result = decodeChat(text, cuts: [30])
    #expect(result.events.text == "whole")
  }

  @Test func utf8SplitAcrossReadsNeverMakesReplacementCharacters() {
    let text = Array(sse(chunks.content("é👋"), chunks.finish(), "[DONE]").utf8)
    let emoji = text.firstIndex(of: 0xF0)!
    let result = decodeChat(text, cuts: [emoji + 2])
    #expect(result.events.text == "é👋")
    #expect(!result.events.text.contains("\u{FFFD}"))
  }

  @Test func leadingBOMIsStripped() {
    let result = decodeChat([0xEF, 0xBB, 0xBF] + Array(sse(chunks.content("x"), "[DONE]").utf8))
    #expect(result.events.text == "x")
  }

  @Test func multiLineDataIsOneJSONObject() {
    let result = decodeChat(
      "data: {\"choices\":[{\"delta\":\ndata: {\"content\":\"hi\"}}]}\n\ndata: [DONE]\n\n")
    #expect(result.events == [.content("hi"), .finished(StreamSummary(content: "hi"))])
  }

  @Test func emptyDataAndProxyWrappedCommentsAreSkipped() {
    let result = decodeChat(
      "data\n\ndata: : OPENROUTER PROCESSING\n\n" + sse(chunks.content("x"), "[DONE]"))
    #expect(result.error == nil)
    #expect(result.events.text == "x")
  }

  @Test func otherFieldsAreToleratedAndErrorEventsThrow() {
    let tolerated = decodeChat(
      "event: ping\nid: 7\nretry: 3000\n" + sse(chunks.content("x"), "[DONE]"))
    #expect(tolerated.events.text == "x")
    let errorEvent = decodeChat(
      "event: error\ndata: {\"error\":{\"code\":502,\"message\":\"down\"}}\n\n")
    #expect(errorEvent.error?.category == .upstream)
    #expect(errorEvent.error?.message == "down")
  }

  @Test func rawLineSeparatorsStayInsideTheContent() {
    let result = decodeChat(sse(chunks.content("a\u{2028}b\u{2029}c\u{85}d"), "[DONE]"))
    #expect(result.events.text == "a\u{2028}b\u{2029}c\u{85}d")
  }

  @Test func malformedChunkIsAProtocolErrorNotSilentLoss() {
    let result = decodeChat(sse(chunks.content("a"), "{not json", chunks.content("b")))
    #expect(result.events.text == "a")
    #expect(result.error?.category == .decoding)
    #expect(result.error?.afterContent == true)
  }
}
