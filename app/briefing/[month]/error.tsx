'use client';

/** A briefing that failed to build: says so and offers to try again; details are in the server log. */
export default function BriefingError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="briefing-toolbar" role="alert">
      <p>
        月报生成失败，详情见服务器日志。/ The briefing could not be built; the server log has the details.
      </p>
      <button type="button" onClick={reset}>
        重试 / Retry
      </button>
    </div>
  );
}
