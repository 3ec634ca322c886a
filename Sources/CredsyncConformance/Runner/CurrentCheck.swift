public import Credsync

/// The check the current task is running, for layers that attribute work to it, such as transcripts.
public enum CurrentCheck {
    /// The ID of the running check, or `nil` outside a run.
    @TaskLocal public static var id: RequirementID?
}
