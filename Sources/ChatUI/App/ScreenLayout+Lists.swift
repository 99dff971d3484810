/// Where the lists go and how many items each shows: the one place that knows, read by the
/// reducer (to size each `ListWindow` and to find the item under the mouse) and by the views
/// (to draw), so the two can never disagree.
///
/// Every count here is at least 0, and a list's items always fit inside its area.
extension ScreenLayout {
  /// Rows per agent in the side column: the name, then the model.
  public static let sideAgentRowHeight = 2
  /// Rows per search result in the session browser: the title, then the snippet.
  public static let sessionHitRowHeight = 2

  // MARK: - Side column

  /// The side column's agent rows (inside the box), when there is a side column.
  public var sideAgentsArea: Rect? { agentsBox?.inset(by: 1) }

  /// How many agents the side column shows: two rows each, and one (its second row cut off)
  /// in a single row.
  public var sideAgentRows: Int {
    guard let area = sideAgentsArea, area.height > 0 else { return 0 }
    return max(1, area.height / Self.sideAgentRowHeight)
  }

  /// The visible agent row of the side column at `point` (0 is the top one), if the point is
  /// in the agents box on a row of the list (its border columns count).
  public func sideAgentRow(at point: Position) -> Int? {
    guard let box = agentsBox, let area = sideAgentsArea, box.contains(point),
      point.y >= area.y, point.y < area.maxY
    else { return nil }
    return (point.y - area.y) / Self.sideAgentRowHeight
  }

  /// The side column's session rows (inside the box), when there is a side column.
  public var sideSessionsArea: Rect? { sessionsBox?.inset(by: 1) }

  /// How many sessions the side column shows: one row each.
  public var sideSessionRows: Int { sideSessionsArea?.height ?? 0 }

  /// The visible session row of the side column at `point` (0 is the top one), if the point
  /// is in the sessions box on a row of the list (its border columns count).
  public func sideSessionRow(at point: Position) -> Int? {
    guard let box = sessionsBox, let area = sideSessionsArea, box.contains(point),
      point.y >= area.y, point.y < area.maxY
    else { return nil }
    return point.y - area.y
  }

  // MARK: - Overlays

  /// The agent list overlay's box: as high as the agents need (and a footer), within the
  /// screen.
  public func agentListBox(agentCount: Int) -> Rect {
    let height = min(size.rows - 2, agentCount + 3)
    return overlayBox(width: 80, height: max(5, height))
  }

  /// How many agents the agent list overlay shows: its rows but the footer.
  public func agentListRows(agentCount: Int) -> Int {
    max(0, agentListBox(agentCount: agentCount).inset(by: 1).height - 1)
  }

  /// The model picker's box.
  public var modelPickerBox: Rect { overlayBox(width: 100, height: 26) }

  /// How many models the picker lists: its rows but the query, the column header and the
  /// footer; none when that leaves no room.
  public var modelPickerRows: Int {
    let height = modelPickerBox.inset(by: 1).height
    return height >= 4 ? height - 3 : 0
  }

  /// The session browser's box.
  public var sessionBrowserBox: Rect { overlayBox(width: 96, height: 24) }

  /// The session browser's list: inside the box, above the footer, one column of padding
  /// each side.
  public var sessionBrowserList: Rect {
    let area = sessionBrowserBox.inset(by: 1)
    return Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height - 1)
  }

  /// How many sessions the browser lists (one row each), or search results (two rows each,
  /// at least one); none when the box has no room for a list.
  public func sessionBrowserRows(showingHits: Bool) -> Int {
    let height = sessionBrowserList.height
    guard height >= 2 else { return 0 }
    return showingHits ? max(1, height / Self.sessionHitRowHeight) : height
  }

  /// The help overlay's box.
  public var helpBox: Rect { overlayBox(width: 92, height: 40) }

  /// The help's text columns: two when the box is wide enough, else one.
  public var helpColumns: Int { helpBox.inset(by: 1).width >= 88 ? 2 : 1 }

  /// The width of one help column (a column of padding each side, one between columns).
  public var helpColumnWidth: Int {
    (helpBox.inset(by: 1).width - 2 - (helpColumns - 1)) / helpColumns
  }

  /// How many help lines one column shows.
  public var helpRowsPerColumn: Int { max(1, helpBox.inset(by: 1).height) }

  /// How many help lines are visible at once, every column together.
  public var helpVisibleLines: Int { helpRowsPerColumn * helpColumns }
}
