import ChatCore
import ChatDomain
import Foundation
import Testing

@testable import ChatCommands

@Suite struct CommandFormattingTests {
  let utc = TimeZone.gmt

  @Test func datesTypedOnTheCommandLine() throws {
    let now = Date(timeIntervalSince1970: 1_777_640_400)  // 2026-05-01T13:00:00Z
    #expect(
      try DateArgument.parse("2026-04-30", timeZone: utc, now: now)
        == Date(timeIntervalSince1970: 1_777_507_200))
    #expect(
      try DateArgument.parse("7d", timeZone: utc, now: now)
        == Date(timeIntervalSince1970: 1_777_593_600 - 7 * 86_400))
    #expect(
      try DateArgument.parse("2026-05-01T09:30:00Z", timeZone: utc, now: now)
        == Date(timeIntervalSince1970: 1_777_627_800))
    for bad in ["yesterday", "2026-02-30", "2026-5", "-3d"] {
      let error = try #require(throws: ChatError.self) {
        try DateArgument.parse(bad, timeZone: utc, now: now)
      }
      #expect(error.kind == .invalidInput, "\(bad)")
    }
  }

  @Test func tablesAlignAllButTheLastColumn() {
    var table = TextTable([("NAME", .left), ("COUNT", .right), ("NOTE", .left)])
    table.append(["a", "1", "short"])
    table.append(["longer", "100", "x"])
    #expect(table.text == "NAME    COUNT  NOTE\na           1  short\nlonger    100  x\n")
  }
}
