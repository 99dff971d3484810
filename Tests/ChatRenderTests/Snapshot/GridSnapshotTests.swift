import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import TestSupport
import Testing

@Suite struct GridSnapshotTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  @Test func encodesCharactersRolesLegendAndCursor() {
    var grid = CellGrid(width: 7, height: 2)
    grid.put("hi 世界", x: 0, y: 0, role: .transcriptUser)
    grid.put("ok", x: 1, y: 1, role: .code)
    grid.put("!", x: 4, y: 1, role: .transcriptUser)
    let expected = """
      size 7x2  cursor 3,1
      │hi 世界│
      │ ok !  │
      roles
      │AAAAAAA│
      │.BB.A..│
      legend  .=base A=transcript.user B=code

      """
    #expect(GridSnapshot.encode(Frame(grid: grid, cursor: Position(x: 3, y: 1))) == expected)
  }

  @Test func hiddenCursorIsADash() {
    let text = GridSnapshot.encode(CellGrid(width: 1, height: 1))
    #expect(text == "size 1x1  cursor -\n│ │\nroles\n│.│\nlegend  .=base\n")
  }
}
