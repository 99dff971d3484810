/// Recognisers for the start of block-level markdown constructs on one source line.
/// Each takes the line's content after quote markers and indentation.
enum MarkdownSyntax {
  struct Fence: Sendable, Hashable {
    var character: Character
    var length: Int
    var info: String
  }

  struct ListMarker: Sendable, Hashable {
    var isOrdered: Bool
    /// `-`, `*`, `+`, or the `.`/`)` after an ordered number.
    var symbol: Character
    var number: Int
    /// Columns from the marker's start to the item's content.
    var contentOffset: Int
    /// The item's first-line content (may be empty).
    var rest: Substring
  }

  /// Strips up to `limit` block-quote markers (`>` after at most three spaces, plus one
  /// optional space). Returns how many were stripped and the rest of the line.
  static func stripQuotes(_ line: Substring, limit: Int = .max) -> (depth: Int, rest: Substring) {
    var depth = 0
    var rest = line
    // Bytes, not characters: this runs on every streamed token, and counting or
    // segmenting the whole line each time made it cost the line's length.
    while depth < limit {
      let trimmed = rest.drop(while: { $0 == " " })
      let spaces = rest.utf8.distance(from: rest.startIndex, to: trimmed.startIndex)
      guard spaces <= 3, trimmed.utf8.first == UInt8(ascii: ">") else { break }
      rest = trimmed.dropFirst()
      if rest.utf8.first == UInt8(ascii: " ") { rest = rest.dropFirst() }
      depth += 1
    }
    return (depth, rest)
  }

  /// Leading whitespace in columns (tabs to the next multiple of 4) and what follows it.
  static func indentation(of line: Substring) -> (columns: Int, rest: Substring) {
    var columns = 0
    var rest = line
    while let first = rest.first, first == " " || first == "\t" {
      columns += first == "\t" ? 4 - columns % 4 : 1
      rest = rest.dropFirst()
    }
    return (columns, rest)
  }

  /// Drops up to `columns` columns of leading whitespace.
  static func dropIndentation(_ line: Substring, columns: Int) -> Substring {
    var dropped = 0
    var rest = line
    while dropped < columns, let first = rest.first, first == " " || first == "\t" {
      dropped += first == "\t" ? 4 - dropped % 4 : 1
      rest = rest.dropFirst()
    }
    return rest
  }

  static func isBlank(_ line: Substring) -> Bool {
    line.allSatisfy { $0 == " " || $0 == "\t" }
  }

  /// An opening code fence: three or more backticks or tildes and an info string.
  static func openingFence(_ body: Substring) -> Fence? {
    guard let character = body.first, character == "`" || character == "~" else { return nil }
    let length = body.prefix(while: { $0 == character }).count
    guard length >= 3 else { return nil }
    let info = body.dropFirst(length).trimmingSpaces()
    if character == "`", info.utf8.contains(UInt8(ascii: "`")) { return nil }
    return Fence(character: character, length: length, info: String(info))
  }

  static func isClosingFence(_ body: Substring, for fence: Fence) -> Bool {
    let length = body.prefix(while: { $0 == fence.character }).count
    return length >= fence.length && isBlank(body.dropFirst(length))
  }

  /// An ATX heading: one to six `#`, then a space or the end of the line. Closing `#`s
  /// are dropped.
  static func heading(_ body: Substring) -> (level: Int, text: Substring)? {
    let level = body.prefix(while: { $0 == "#" }).count
    guard (1...6).contains(level) else { return nil }
    let rest = body.dropFirst(level)
    guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
    var text = rest.trimmingSpaces()
    let closing = text.reversed().prefix(while: { $0 == "#" }).count
    if closing == text.count {
      text = text.dropLast(closing)
    } else if closing > 0, text.dropLast(closing).last == " " {
      text = text.dropLast(closing).trimmingSpaces()
    }
    return (level, text)
  }

  /// A thematic break: three or more `-`, `*` or `_`, with nothing else but spaces.
  static func isRule(_ body: Substring) -> Bool {
    guard let character = body.first, character == "-" || character == "*" || character == "_"
    else { return false }
    var count = 0
    for other in body {
      if other == character {
        count += 1
      } else if other != " " && other != "\t" {
        return false
      }
    }
    return count >= 3
  }

  /// A list item marker: `-`, `*` or `+`, or one to nine digits and `.` or `)`, followed by
  /// a space or the end of the line.
  static func listMarker(_ body: Substring) -> ListMarker? {
    guard let first = body.first else { return nil }
    var marker: ListMarker
    var afterMarker: Substring
    if first == "-" || first == "*" || first == "+" {
      afterMarker = body.dropFirst()
      marker = ListMarker(isOrdered: false, symbol: first, number: 0, contentOffset: 1, rest: "")
    } else {
      let digits = body.prefix(while: { $0.isASCII && $0.isNumber })
      guard (1...9).contains(digits.count), let number = Int(digits) else { return nil }
      afterMarker = body.dropFirst(digits.count)
      guard let symbol = afterMarker.first, symbol == "." || symbol == ")" else { return nil }
      afterMarker = afterMarker.dropFirst()
      marker = ListMarker(
        isOrdered: true, symbol: symbol, number: number, contentOffset: digits.count + 1,
        rest: "")
    }
    if afterMarker.isEmpty { return marker }
    let (spaces, rest) = indentation(of: afterMarker)
    guard spaces > 0 else { return nil }
    // Five or more spaces would start indented code in CommonMark: count one.
    marker.contentOffset += rest.isEmpty || spaces > 4 ? 1 : spaces
    marker.rest = spaces > 4 ? afterMarker.dropFirst() : rest
    return marker
  }

  /// The cells of a table row: split at unescaped `|` outside code spans, outer pipes
  /// dropped, cells trimmed.
  static func tableCells(_ line: Substring) -> [Substring] {
    var row = line.trimmingSpaces()
    if row.first == "|" { row = row.dropFirst() }
    if row.last == "|", row.dropLast().last != "\\" { row = row.dropLast() }
    var cells: [Substring] = []
    var start = row.startIndex
    var index = row.startIndex
    var inCode = false
    while index < row.endIndex {
      let character = row[index]
      if character == "\\" {
        index = row.index(after: index)
        if index < row.endIndex { index = row.index(after: index) }
        continue
      }
      if character == "`" { inCode.toggle() }
      if character == "|", !inCode {
        cells.append(row[start..<index].trimmingSpaces())
        start = row.index(after: index)
      }
      index = row.index(after: index)
    }
    cells.append(row[start..<row.endIndex].trimmingSpaces())
    return cells
  }

  /// The alignments of a table's delimiter row (`| --- | :-: | --: |`), or nil when the
  /// line is not one. At least one `|` is required, so `---` stays a rule.
  static func tableDelimiterRow(_ line: Substring) -> [MarkdownTable.Alignment]? {
    guard line.utf8.contains(UInt8(ascii: "|")) else { return nil }
    var alignments: [MarkdownTable.Alignment] = []
    for cell in tableCells(line) {
      let leading = cell.first == ":"
      let trailing = cell.count > 1 && cell.last == ":"
      let dashes = cell.dropFirst(leading ? 1 : 0).dropLast(trailing ? 1 : 0)
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      alignments.append(leading && trailing ? .center : trailing ? .right : .left)
    }
    return alignments
  }
}

extension Substring {
  /// The substring without leading and trailing spaces and tabs.
  func trimmingSpaces() -> Substring {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let start = firstIndex(where: { !isSpace($0) }),
      let end = lastIndex(where: { !isSpace($0) })
    else { return self[endIndex...] }
    return self[start...end]
  }
}
