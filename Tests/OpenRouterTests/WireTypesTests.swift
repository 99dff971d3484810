import Foundation
import Testing

@testable import OpenRouter

@Suite struct WireTypesTests {
  func json(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  @Test func multiPartContentRoundTrips() throws {
    let message = ChatMessage(
      role: .user,
      content: .parts([
        .text("What is in this image?"),
        .image(url: "data:image/png;base64,AAAA", detail: "auto"),
        ContentPart(
          type: "file", text: nil, imageURL: nil,
          other: ["file": .object(["filename": .string("a.pdf")])]),
      ]))
    let text = try json(message)
    #expect(
      text == #"{"content":[{"text":"What is in this image?","type":"text"},"#
        + #"{"image_url":{"detail":"auto","url":"data:image/png;base64,AAAA"},"type":"image_url"},"#
        + #"{"file":{"filename":"a.pdf"},"type":"file"}],"role":"user"}"#)
    let decoded = try JSONDecoder().decode(ChatMessage.self, from: Data(text.utf8))
    #expect(decoded == message)
    #expect(decoded.content?.text == "What is in this image?")
  }

  @Test func assistantTurnCarriesReasoningAndToolCallsBack() throws {
    let message = ChatMessage(
      role: .assistant, content: nil,
      toolCalls: [ToolCall(id: "call_1", name: "f", arguments: "{}")],
      reasoningDetails: [.object(["type": .string("reasoning.encrypted"), "data": .string("x")])])
    #expect(
      try json(message) == #"{"reasoning_details":[{"data":"x","type":"reasoning.encrypted"}],"#
        + #""role":"assistant","tool_calls":[{"function":{"arguments":"{}","name":"f"},"id":"call_1","type":"function"}]}"#
    )
  }

  @Test func omittedSamplingParametersAreNotSent() throws {
    #expect(
      try json(ChatRequest(model: "m", messages: [.user("x")]))
        == #"{"messages":[{"content":"x","role":"user"}],"model":"m"}"#)
  }

  @Test func stopAcceptsOneStringOrAList() throws {
    let one = try JSONDecoder().decode(
      ChatRequest.self, from: Data(#"{"messages":[],"stop":"END"}"#.utf8))
    #expect(one.stop == ["END"])
    let many = try JSONDecoder().decode(
      ChatRequest.self, from: Data(#"{"messages":[],"stop":["a","b"]}"#.utf8))
    #expect(many.stop == ["a", "b"])
  }

  @Test func pricesAreExactDecimalsAndMinusOneIsVariable() throws {
    let pricing = try JSONDecoder().decode(
      ModelInfo.Pricing.self,
      from: Data(
        #"{"prompt":"0.0000025","completion":"0.00001","web_search":"0.01","discount":0,"overrides":[]}"#
          .utf8))
    #expect(pricing.prompt == .fixed(Decimal(string: "0.0000025")!))
    #expect(pricing.prompt.perMillion == Decimal(string: "2.5"))
    #expect(pricing.completion.perMillion == 10)
    #expect(pricing.other["web_search"] == .fixed(Decimal(string: "0.01")!))
    #expect(pricing.other["discount"] == .fixed(0))
    #expect(pricing.other["overrides"] == nil)
    #expect(try Price(string: "-1") == .variable)
    #expect(Price.variable.perMillion == nil)
    #expect(try Price(string: "0").isFree)
    #expect(throws: DecodingError.self) { try Price(string: "free") }
    #expect(Price.fixed(Decimal(string: "0.0000025")!).description == "0.0000025")
  }

  @Test func usageToleratesNullsAndMissingDetails() throws {
    let usage = try JSONDecoder().decode(
      Usage.self,
      from: Data(
        #"{"prompt_tokens":5,"completion_tokens":1,"cost":null,"prompt_tokens_details":null,"cost_details":{"upstream_inference_cost":null}}"#
          .utf8))
    #expect(usage.totalTokens == 6)
    #expect(usage.cost == nil)
    #expect(usage.cachedTokens == 0)
    #expect(usage.reasoningTokens == 0)
  }

  @Test func errorCodeIsIntOrString() throws {
    let decoder = JSONDecoder()
    #expect(try decoder.decode(IntOrString.self, from: Data("429".utf8)) == .int(429))
    #expect(try decoder.decode(IntOrString.self, from: Data(#""429""#.utf8)).intValue == 429)
    #expect(
      try decoder.decode(IntOrString.self, from: Data(#""server_error""#.utf8))
        == .string("server_error"))
  }

  @Test func generationAndKeyEnvelopesDecode() throws {
    let stats = try JSONDecoder().decode(
      DataEnvelope<GenerationStats>.self,
      from: Data(
        #"{"data":{"id":"gen-1","total_cost":0.0004,"cancelled":true,"tokens_prompt":null}}"#.utf8))
    #expect(stats.data.totalCost == Decimal(string: "0.0004"))
    #expect(stats.data.cancelled == true)
    let key = try JSONDecoder().decode(
      DataEnvelope<KeyInfo>.self,
      from: Data(#"{"data":{"limit":null,"limit_remaining":null,"usage":25.5}}"#.utf8))
    #expect(key.data.limit == nil)
    #expect(key.data.usage == Decimal(string: "25.5"))
  }
}
