import ScreenKit

/// The loads of the first screen. Call once after `AppState.init`, run the effects.
public func start(_ state: inout AppState) -> [Effect] {
    state.showCurrent()
}

/// The whole app's update: applies `action` to `state` and returns the work to do.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    state.update(action)
}

/// Draws `state` into `buffer`, which is already sized to `state.size`.
public func render(_ state: AppState, into buffer: inout ScreenBuffer) {
    Frame.render(state, into: &buffer)
}
