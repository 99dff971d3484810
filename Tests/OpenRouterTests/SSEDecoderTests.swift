import Testing

@testable import OpenRouter

/// Decodes `bytes` fed in pieces cut at `cuts` (offsets), then ends the stream.
func decodeSSE(_ bytes: [UInt8], cuts: [Int] = []) -> (events: [SSEEvent], pending: SSEEvent?) {
  var decoder = SSEDecoder()
  var events: [SSEEvent] = []
  var start = 0
  for cut in cuts.sorted() + [bytes.count] where cut >= start {
    events += decoder.push(bytes[start..<cut])
    start = cut
  }
  return (events, decoder.finish())
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite struct SSEDecoderTests {
  @Test func dataLinesDispatchOnBlankLine() {
    let result = decodeSSE(bytes("data: {\"a\":1}\n\ndata: two\n\n"))
    #expect(result.events.map(\.data) == ["{\"a\":1}", "two"])
    #expect(result.events.allSatisfy { $0.type == "message" })
    #expect(result.pending == nil)
  }

  @Test func commentsAndBareColonsAreSkipped() {
    let result = decodeSSE(bytes(": OPENROUTER PROCESSING\n\n: \n\n:\n\ndata: x\n\n"))
    #expect(result.events.map(\.data) == ["x"])
  }

  @Test func commentBetweenDataEventsKeepsBoth() {
    let result = decodeSSE(bytes("data: 1\n\n: OPENROUTER PROCESSING\n\ndata: 2\n\n"))
    #expect(result.events.map(\.data) == ["1", "2"])
  }

  @Test(arguments: ["\n", "\r\n", "\r"])
  func everyLineEndingGivesTheSameEvents(ending: String) {
    let text = ["data: {\"a\":1}", "", "event: ping", "data: b", "", ""].joined(separator: ending)
    let result = decodeSSE(bytes(text))
    #expect(
      result.events == [
        SSEEvent(data: "{\"a\":1}"), SSEEvent(type: "ping", data: "b"),
      ])
  }

  @Test func crAndLFSplitAcrossReadsMakeOneTerminator() {
    // read 1 = `…}\r`, read 2 = `\n\r\n` (OpenRouter.docc/EdgeCases.md, case 11): no phantom
    // empty line.
    let text = bytes("data: {\"a\":1}\r\n\r\n")
    let cut = text.firstIndex(of: 0x0D)! + 1
    let result = decodeSSE(text, cuts: [cut])
    #expect(result.events == [SSEEvent(data: "{\"a\":1}")])
  }

  @Test func loneCRAtTheEndOfAReadStillEndsTheLine() {
    let result = decodeSSE(bytes("data: a\r\rdata: b\r\r"), cuts: [8, 9])
    #expect(result.events.map(\.data) == ["a", "b"])
  }

  @Test func dataWithoutSpaceAndWithTwoSpaces() {
    let result = decodeSSE(bytes("data:{\"a\":1}\n\ndata:  x\n\n"))
    #expect(result.events.map(\.data) == ["{\"a\":1}", " x"])
  }

  @Test func multipleDataLinesJoinWithNewline() {
    let result = decodeSSE(bytes("data: {\"a\":\ndata: 1}\n\n"))
    #expect(result.events.map(\.data) == ["{\"a\":\n1}"])
  }

  @Test func fieldWithoutColonIsAnEmptyValue() {
    let result = decodeSSE(bytes("data\n\n"))
    #expect(result.events == [SSEEvent(data: "")])
  }

  @Test func blankLinesWithoutDataDispatchNothing() {
    #expect(decodeSSE(bytes("\n\n\n")).events.isEmpty)
    #expect(decodeSSE(bytes("event: ping\n\n")).events.isEmpty)
  }

  @Test func eventIdAndRetryFieldsAreHonoured() {
    var decoder = SSEDecoder()
    let events = decoder.push(bytes("event: error\nid: 7\nretry: 3000\ndata: x\n\ndata: y\n\n"))
    #expect(
      events == [
        SSEEvent(type: "error", data: "x", lastEventID: "7"),
        SSEEvent(type: "message", data: "y", lastEventID: "7"),
      ])
    #expect(decoder.reconnectionTime == 3000)
    _ = decoder.push(bytes("retry: soon\n\n"))
    #expect(decoder.reconnectionTime == 3000)
  }

  @Test func idContainingNULIsIgnored() {
    let result = decodeSSE(bytes("id: 1\n\nid: a\u{0}b\ndata: x\n\n"))
    #expect(result.events == [SSEEvent(data: "x", lastEventID: "1")])
  }

  @Test func leadingBOMIsStrippedEvenWhenSplit() {
    let text = [0xEF, 0xBB, 0xBF] + bytes("data: x\n\n")
    for cut in 0...4 {
      #expect(decodeSSE(text, cuts: [cut]).events == [SSEEvent(data: "x")])
    }
    // Only a leading BOM is special: later, it is part of a field name nobody knows.
    let later = bytes("data: a\n\n") + [0xEF, 0xBB, 0xBF] + bytes("data: b\n\n")
    #expect(decodeSSE(later).events == [SSEEvent(data: "a")])
  }

  @Test func aStreamStartingWithAnIncompleteBOMIsNotLost() {
    let text: [UInt8] = [0xEF, 0xBB] + bytes("\ndata: x\n\n")
    #expect(decodeSSE(text, cuts: [1]).events == [SSEEvent(data: "x")])
  }

  @Test func utf8SplitInsideACharacterIsDecodedWhole() {
    let text = bytes("data: é👋\n\n")
    let emoji = text.firstIndex(of: 0xF0)!
    let result = decodeSSE(text, cuts: [7, emoji + 2])
    #expect(result.events == [SSEEvent(data: "é👋")])
  }

  @Test func lineSeparatorsInsideJSONDoNotSplitLines() {
    let payload = "{\"content\":\"a\u{2028}b\u{2029}c\u{85}d\"}"
    #expect(decodeSSE(bytes("data: \(payload)\n\n")).events.map(\.data) == [payload])
  }

  @Test func veryLargeEventHasNoLineLimit() {
    let blob = String(repeating: "A", count: 300_000)
    let result = decodeSSE(bytes("data: \(blob)\n\n"), cuts: [1000, 150_000])
    #expect(result.events.first?.data.count == 300_000)
  }

  @Test func unterminatedLastEventIsReturnedByFinish() {
    let result = decodeSSE(bytes("data: 1\n\ndata: [DONE]"))
    #expect(result.events.map(\.data) == ["1"])
    #expect(result.pending == SSEEvent(data: "[DONE]"))
  }
}
