"""A name for each browser tab, kept across its reloads: how the server tells a reloaded tab from a
dropped connection or from another tab.

A learner who reloads a page mid-training gets a new Streamlit session; the old one's runs went on for
ui/jobs.py's grace period (30 s), waiting for a reconnect that never comes, and on a 2-core server held
its only training slot that long while the next learner's run waited. A dropped connection resumes its
own session. So a new session from a tab whose earlier session has lost its websocket is a reload of
that tab, and that session's runs can stop at once (ui/jobs.py). Another tab of the same browser (a
lesson's link opens one) has a name of its own: its runs, even while its connection is down, are not
touched. The name lives in the tab's sessionStorage, which a reload keeps, and reaches the server as a
cookie the page sets before Streamlit's frontend opens its websocket (ui/server_address.py puts SCRIPT
at the top of the page). Two tabs loading at the same instant can both send the later one's name: the
earlier one's reload then waits out the grace, as before.
"""

COOKIE = "lstm_lab_tab"

SCRIPT = f"""<script>
(() => {{ try {{
  let tab = sessionStorage.getItem("lstm-lab-tab");
  if (!tab) {{  // crypto.getRandomValues, unlike randomUUID, also on a classroom server's plain http
    tab = Array.from(crypto.getRandomValues(new Uint8Array(9)), (b) => b.toString(16).padStart(2, "0")).join("");
    sessionStorage.setItem("lstm-lab-tab", tab);
  }}
  document.cookie = "{COOKIE}=" + tab + "; path=/; SameSite=Lax";
}} catch (e) {{}} }})();
</script>""".encode()
