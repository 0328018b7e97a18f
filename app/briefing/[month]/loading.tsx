/** While the briefing's queries and charts are prepared on the server. */
export default function BriefingLoading() {
  return (
    <p className="briefing-toolbar" role="status">
      正在生成月报… / Preparing the briefing…
    </p>
  );
}
