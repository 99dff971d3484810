import Foundation
import TestSupport
import Testing

@testable import OpenRouter

/// The multimodal wire shapes (OpenRouter.docc/Multimodal.md): file and audio parts, the
/// file-parser plugin, `modalities`, and images in deltas and whole messages.
@Suite struct MultimodalWireTests {
  static func json(_ request: ChatRequest) throws -> String {
    String(decoding: try OpenRouterClient.encode(request), as: UTF8.self)
  }

  @Test func partsPluginsAndModalitiesEncodeAsOpenRouterReadsThem() throws {
    var request = ChatRequest(
      model: "m",
      messages: [
        ChatMessage(
          role: .user,
          content: .parts([
            .text("read"), .image(url: "data:image/png;base64,AAAA"),
            .file(filename: "a.pdf", dataURL: "data:application/pdf;base64,JVBE"),
            .inputAudio(base64: "UklG", format: "wav"),
          ]))
      ])
    request.plugins = [.fileParser(pdfEngine: "pdf-text")]
    request.modalities = ["image", "text"]
    #expect(
      try Self.json(request)
        == #"{"messages":[{"content":[{"text":"read","type":"text"},"#
        + #"{"image_url":{"url":"data:image/png;base64,AAAA"},"type":"image_url"},"#
        + #"{"file":{"file_data":"data:application/pdf;base64,JVBE","filename":"a.pdf"},"type":"file"},"#
        + #"{"input_audio":{"data":"UklG","format":"wav"},"type":"input_audio"}],"role":"user"}],"#
        + #""modalities":["image","text"],"model":"m","plugins":[{"id":"file-parser","pdf":{"engine":"pdf-text"}}]}"#
    )
    let back = try JSONDecoder().decode(ChatRequest.self, from: Data(try Self.json(request).utf8))
    #expect(back == request)
    #expect(
      try Self.json(ChatRequest(model: "m", messages: [.user("x")])).contains("plugins") == false)
  }

  @Test func aDeltaImageIsOneEventWhateverWayTheBytesAreCut() throws {
    let picture = SampleFiles.png()
    let url = "data:image/png;base64," + picture.base64EncodedString()
    let text = sse(
      chunks.content("Here:"),
      chunks.delta(
        #""role":"assistant","content":"","images":[{"type":"image_url","image_url":{"url":"\#(url)"},"index":0}]"#,
        finish: "stop", native: "STOP"),
      chunks.usage(prompt: 2, completion: 1290, cost: "0.0387"), "[DONE]")
    for cuts in [[], [7], [3, 50, 200], Array(stride(from: 1, to: text.utf8.count, by: 13))] {
      let result = decodeChat(text, cuts: cuts)
      #expect(result.error == nil)
      let images = result.events.compactMap {
        if case .image(let image) = $0 { image } else { nil }
      }
      #expect(images == [GeneratedImage(url: url)])
      #expect(result.events.text == "Here:")
      #expect(result.events.summary?.finishReason == .stop)
    }
  }

  @Test func aWholeMessageCarriesItsImagesToo() throws {
    let body =
      #"{"id":"gen-1","model":"m","choices":[{"index":0,"finish_reason":"stop","message":"#
      + #"{"role":"assistant","content":"ok","images":[{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]}}]}"#
    let completion = try JSONDecoder().decode(ChatCompletionResponse.self, from: Data(body.utf8))
    #expect(
      completion.choices.first?.message.images == [
        GeneratedImage(url: "data:image/png;base64,AAAA")
      ])
    let events = OpenRouterClient.events(from: completion, retries: [])
    #expect(events.contains(.image(GeneratedImage(url: "data:image/png;base64,AAAA"))))
  }

  /// An image model that also searched: one delta may carry a picture and sources, and a
  /// whole message both; each arrives once, as its own event.
  @Test func imagesAndSourcesInOneDeltaOrMessageAreBothRead() throws {
    let url = "data:image/png;base64," + SampleFiles.png().base64EncodedString()
    let source = chunks.citation(url: "https://www.swift.org/", title: "Swift")
    let picture = #"[{"type":"image_url","image_url":{"url":"\#(url)"}}]"#
    let result = decodeChat(
      sse(
        chunks.delta(#""content":"Here:","images":\#(picture),"annotations":[\#(source)]"#),
        chunks.delta(#""content":"","annotations":[\#(source)]"#, finish: "stop"), "[DONE]"))
    #expect(result.error == nil)
    let cited = URLCitation(
      url: "https://www.swift.org/", title: "Swift", startIndex: 0, endIndex: 0)
    #expect(
      result.events.compactMap { if case .image(let image) = $0 { image } else { nil } } == [
        GeneratedImage(url: url)
      ])
    #expect(
      result.events.compactMap { if case .annotations(let items) = $0 { items } else { nil } } == [
        [cited]
      ])
    #expect(result.events.text == "Here:")

    let body =
      #"{"id":"gen-1","model":"m","choices":[{"index":0,"finish_reason":"stop","message":"#
      + #"{"role":"assistant","content":"ok","images":\#(picture),"annotations":[\#(source)]}}]}"#
    let completion = try JSONDecoder().decode(ChatCompletionResponse.self, from: Data(body.utf8))
    let events = OpenRouterClient.events(from: completion, retries: [])
    #expect(events.contains(.image(GeneratedImage(url: url))))
    #expect(events.contains(.annotations([cited])))
  }

  @Test func malformedImagesAreSkippedNotFatal() {
    let result = decodeChat(
      sse(
        chunks.delta(#""content":"a","images":[{"type":"image_url"},{"image_url":{"url":7}}]"#),
        chunks.delta(#""content":"b","images":"nonsense""#, finish: "stop"), "[DONE]"))
    #expect(result.error == nil)
    #expect(result.events.text == "ab")
    #expect(!result.events.contains { if case .image = $0 { true } else { false } })
  }

  @Test func dataURLsParse() {
    #expect(
      DataURL.parse("data:image/png;base64,QUJD").map { [$0.mediaType, String($0.base64)] } == [
        "image/png", "QUJD",
      ])
    #expect(DataURL.parse("data:text/plain,hello") == nil)
    #expect(DataURL.parse("https://example.com/a.png") == nil)
  }
}
