// Material's search overlay is a dialog without a name; screen readers announce it as
// "dialog" only. Name it, in both languages.
document.querySelectorAll('.md-search[role="dialog"]').forEach(function (dialog) {
  if (!dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "搜索 Search");
});
