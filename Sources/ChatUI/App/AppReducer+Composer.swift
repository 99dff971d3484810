extension AppReducer {
  /// Editing keys of the input box.
  static func editComposer(_ state: inout AppState, _ key: KeyEvent) {
    var composer = state.composer
    let modifiers = key.modifiers
    switch key.key {
    case .character(let character) where modifiers.isEmpty || modifiers == .shift:
      composer.insert(String(character))
    case .character("w") where modifiers == .control: composer.deleteWordBackward()
    case .character("u") where modifiers == .control: composer.deleteToLineStart()
    case .character("k") where modifiers == .control: composer.deleteToLineEnd()
    case .character("e") where modifiers == .control: composer.moveToLineEnd()
    case .character("b") where modifiers == .alt: composer.moveWordLeft()
    case .character("f") where modifiers == .alt: composer.moveWordRight()
    case .backspace where modifiers.contains(.alt): composer.deleteWordBackward()
    case .backspace: composer.deleteBackward()
    case .delete: composer.deleteForward()
    case .left where modifiers.contains(.control) || modifiers.contains(.alt):
      composer.moveWordLeft()
    case .right where modifiers.contains(.control) || modifiers.contains(.alt):
      composer.moveWordRight()
    case .left: composer.moveLeft()
    case .right: composer.moveRight()
    case .home: composer.moveToLineStart()
    case .end:
      // At the end already (or empty): End follows the transcript's tail, as in the transcript.
      if composer.column == composer.lines[composer.row].count {
        state.transcript.followTail()
      }
      composer.moveToLineEnd()
    case .up:
      if composer.isOnFirstLine { composer.showPreviousHistoryEntry() } else { composer.moveUp() }
    case .down:
      if composer.isOnLastLine { composer.showNextHistoryEntry() } else { composer.moveDown() }
    default:
      return
    }
    state.composer = composer
  }

  /// One-line text fields (search boxes, prompts): the same editing, minus line breaks.
  /// - Returns: whether the key edited the field.
  static func editField(_ field: inout ComposerState, _ key: KeyEvent) -> Bool {
    let before = field
    switch key.key {
    case .up, .down, .enter, .tab, .escape, .pageUp, .pageDown: return false
    case .character(let character) where key.modifiers.isEmpty || key.modifiers == .shift:
      field.insert(String(character))
    case .character("w") where key.modifiers == .control: field.deleteWordBackward()
    case .character("u") where key.modifiers == .control: field.deleteToLineStart()
    case .backspace: field.deleteBackward()
    case .delete: field.deleteForward()
    case .left: field.moveLeft()
    case .right: field.moveRight()
    case .home: field.moveToLineStart()
    case .end: field.moveToLineEnd()
    default: return false
    }
    return field != before
  }
}
