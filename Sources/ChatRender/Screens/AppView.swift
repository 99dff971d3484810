import ChatDomain
import ChatUI
import Formatting

/// Renders the whole screen for a state: the frame the terminal shows.
///
/// Immediate mode: the grid is drawn from scratch every frame from state that is already
/// laid out (a few thousand cells, microseconds); the terminal backend then paints only the
/// cells that differ from the previous frame.
public enum AppView {
  /// - Parameter cache: what recent frames drew, copied rather than drawn again (pass the
  ///   same cache to every frame; without one everything is drawn).
  public static func render(_ state: AppState, cache: RenderCache? = nil) -> Frame {
    var grid = CellGrid(width: state.size.columns, height: state.size.rows)
    let layout = state.layout
    if layout.isTooSmall {
      DialogViews.drawTooSmall(state.size, on: &grid)
      return Frame(grid: grid)
    }
    SideColumnView.draw(state, layout: layout, on: &grid, cache: cache)
    if let compare = state.compare {
      CompareView.draw(state, compare, layout: layout, on: &grid, cache: cache?.lines)
    } else {
      TranscriptView.draw(state, layout: layout, on: &grid, cache: cache?.lines)
    }
    var cursor = ComposerView.draw(state, layout: layout, on: &grid)
    StatusLineView.drawBanner(state, layout: layout, on: &grid)
    StatusLineView.draw(state, layout: layout, on: &grid)
    switch state.overlay {
    case .models?: cursor = ModelPickerView.draw(state, layout: layout, on: &grid)
    case .agents?:
      DialogViews.drawAgents(state, layout: layout, on: &grid)
      cursor = nil
    case .sessions?: cursor = SessionBrowserView.draw(state, layout: layout, on: &grid)
    case .help?:
      DialogViews.drawHelp(state, layout: layout, on: &grid)
      cursor = nil
    case .confirmDelete(_, let title)?:
      DialogViews.drawConfirm(title, layout: layout, on: &grid)
      cursor = nil
    case .confirmAttach(let paths, _)?:
      DialogViews.drawQuestion(
        title: "Attach files",
        question: paths.count == 1
          ? "Attach \(Format.fileName(paths[0], limit: 40))?" : "Attach \(paths.count) files?",
        hint: "y attach · n or Esc pastes the text instead", layout: layout, on: &grid)
      cursor = nil
    case .confirmUnsupported(let model, let kinds)?:
      DialogViews.drawQuestion(
        title: "Attachments", question: AppReducer.unsupportedQuestion(model: model, kinds: kinds),
        hint: "y send anyway · m pick another model · any other key goes back", layout: layout,
        on: &grid)
      cursor = nil
    case .prompt(let prompt)?: cursor = DialogViews.drawPrompt(prompt, layout: layout, on: &grid)
    case nil: break
    }
    return Frame(grid: grid, cursor: cursor)
  }
}
