// The analysts' page: plain fetch() against rules-service's own API (docs/decision-tables.md).
const $ = (id) => document.getElementById(id);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let checked = null; // the last upload's answer

function text(node, value) { node.textContent = value == null ? '' : String(value); return node; }
function el(tag, value) { return text(document.createElement(tag), value); }
function row(tbody, cells) {
  const tr = document.createElement('tr');
  cells.forEach((c) => tr.appendChild(c instanceof Node ? wrap(c) : el('td', c)));
  tbody.appendChild(tr);
  return tr;
}
function wrap(node) { const td = document.createElement('td'); td.appendChild(node); return td; }
function table() { return $('table').value; }

// Every call carries the analyst's bearer token (rules-service checks roles: analyst for upload and
// publish). The token is pasted once and kept for this browser tab only (sessionStorage).
function withToken(options) {
  const token = sessionStorage.getItem('qunyun.token');
  const headers = new Headers((options && options.headers) || {});
  if (token) headers.set('Authorization', 'Bearer ' + token);
  return Object.assign({}, options, { headers });
}
async function call(url, options) {
  const response = await fetch(url, withToken(options));
  if (!response.ok) {
    let detail = response.status + ' ' + response.statusText;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
      // a refused workbook names every place (sheet!cell) it was refused for, in English / Chinese
      if (problem.errors && problem.errors.length > 1) {
        detail += '\n' + problem.errors.map((e) => e.field + ': ' + e.message).join('\n');
      }
    } catch (e) { /* not JSON */ }
    throw new Error(detail);
  }
  return response;
}
// Downloads go through fetch too (a plain link cannot send the token), then are saved as a file.
document.addEventListener('click', async (event) => {
  const link = event.target.closest && event.target.closest('a[href^="/decision-tables/"]');
  if (!link) return;
  event.preventDefault();
  try {
    const response = await call(link.getAttribute('href'));
    const blob = await response.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = (table() || 'table') + '.drl.xlsx';
    a.click();
    URL.revokeObjectURL(a.href);
  } catch (e) { showError(e); }
});
function showError(e) { const box = $('error'); box.hidden = false; text(box, e.message || String(e)); }
function clearError() { $('error').hidden = true; }

async function loadTables() {
  const releases = await (await call('/decision-tables')).json();
  const names = [...new Set(releases.map((r) => r.name))].sort();
  const select = $('table');
  select.replaceChildren(...names.map((n) => { const o = el('option', n); o.value = n; return o; }));
  await loadTable();
}

async function loadTable() {
  clearError();
  $('check').hidden = true;
  $('answer').hidden = true;
  const name = table();
  const data = await (await call('/decision-tables/' + encodeURIComponent(name) + '/versions')).json();
  text($('in-use'), data.inUse);
  $('download-in-use').href = '/decision-tables/' + encodeURIComponent(name);
  const tbody = $('versions').querySelector('tbody');
  tbody.replaceChildren();
  data.versions.forEach((v) => {
    const link = el('a', v.version + (v.builtIn ? ' (内置 built-in)' : ''));
    link.href = v.download;
    const verdict = el('span', v.compiled && v.complete && v.casesPassed ? '通过 passed'
      : !v.compiled ? '无法编译 does not compile' : !v.complete ? '缺口/冲突 gaps or conflicts' : '用例失败 cases fail');
    verdict.className = v.compiled && v.complete && v.casesPassed ? 'ok' : 'failed';
    let action;
    if (v.inUse) {
      action = el('strong', '使用中 in use');
    } else {
      action = el('button', '启用（发布/回滚）Activate (publish / roll back)');
      action.className = 'activate';
      action.dataset.version = v.version;
      action.onclick = () => activate(v.version, !v.casesPassed);
    }
    const tr = row(tbody, [link, v.uploadedBy, v.uploadedAt, verdict, action]);
    tr.dataset.version = v.version;
  });
  $('activations').replaceChildren(...data.activations.map((a) =>
    el('li', a.activatedAt + ' ' + a.activatedBy + ' → ' + a.version)));
  await loadForm();
}

async function activate(version, needsConfirmation) {
  clearError();
  let url = '/decision-tables/' + encodeURIComponent(table()) + '/versions/' + encodeURIComponent(version) + '/activate';
  if (needsConfirmation) {
    if (!window.confirm('回归用例未通过：确认这些决策变化是有意的？ Regression cases fail: are these changes intended?')) return;
    url += '?confirmChangedDecisions=true';
  }
  try {
    await call(url, { method: 'POST' });
    await loadTable();
  } catch (e) { showError(e); }
}

async function upload() {
  clearError();
  const file = $('file').files[0];
  if (!file) { showError(new Error('请选择一个 .xlsx 文件 Choose an .xlsx file')); return; }
  const started = performance.now();
  try {
    const response = await call('/decision-tables/' + encodeURIComponent(table()) + '/versions',
      { method: 'POST', headers: { 'Content-Type': XLSX }, body: await file.arrayBuffer() });
    checked = await response.json();
    showCheck(checked, Math.round(performance.now() - started));
    await refreshVersionsKeepingCheck();
  } catch (e) { showError(e); }
}

async function refreshVersionsKeepingCheck() {
  const keep = checked;
  await loadTable();
  if (keep) { checked = keep; showCheck(keep); }
}

function showCheck(upload, millis) {
  const c = upload.check;
  $('check').hidden = false;
  text($('check-version'), upload.version);
  const verdict = $('check-verdict');
  text(verdict, c.passed ? '通过 PASSED' : '未通过 FAILED');
  verdict.className = c.passed ? 'ok' : 'failed';
  text($('check-summary'), (c.compiled ? '编译通过 compiled' : '编译失败 does not compile') + ' · '
    + (c.complete ? '完整无冲突 complete, no conflicts' : '有缺口或冲突 gaps or conflicts') + ' · '
    + '回归用例 regression cases: ' + (c.casesRun - c.caseFailures.length) + '/' + c.casesRun + ' · '
    + c.millis + ' ms' + (millis ? ' (' + millis + ' ms incl. upload)' : ''));
  const problems = [];
  c.compileProblems.forEach((p) => problems.push(p.en + ' | ' + p.zh));
  c.completeness.forEach((r) => r.problems.forEach((p) => problems.push(p.en + ' | ' + p.zh)));
  c.caseFailures.forEach((f) => problems.push('FAILED ' + f));
  $('check-problems').replaceChildren(...problems.map((p) => el('li', p)));
  const diff = $('diff').querySelector('tbody');
  diff.replaceChildren();
  c.diff.added.forEach((r) => row(diff, ['+ 新增 added', r.rule + ' (row ' + r.rowAfter + ')', '', '', r.cells.map((x) => x.column + '=' + x.after).join('; ')]));
  c.diff.removed.forEach((r) => row(diff, ['− 删除 removed', r.rule + ' (row ' + r.rowBefore + ')', '', r.cells.map((x) => x.column + '=' + x.before).join('; '), '']));
  c.diff.changed.forEach((r) => r.cells.forEach((x) => row(diff, ['~ 修改 changed', r.rule + ' (row ' + r.rowAfter + ')', x.column, x.before, x.after])));
  const changed = $('changed').querySelector('tbody');
  changed.replaceChildren();
  c.changedDecisions.forEach((d) => row(changed, [d.caseName, summary(d.before), summary(d.after)]));
  const publishable = c.compiled && c.complete;
  $('confirm-label').hidden = !publishable || c.casesPassed;
  $('publish').disabled = !publishable;
  $('publish').onclick = () => {
    if (!c.casesPassed && !$('confirm').checked) { showError(new Error('请先确认决策变化 Confirm the changed decisions first')); return; }
    activateConfirmed(upload.version, !c.casesPassed);
  };
}

async function activateConfirmed(version, confirmed) {
  clearError();
  try {
    await call('/decision-tables/' + encodeURIComponent(table()) + '/versions/' + encodeURIComponent(version)
      + '/activate' + (confirmed ? '?confirmChangedDecisions=true' : ''), { method: 'POST' });
    checked = null;
    await loadTable();
  } catch (e) { showError(e); }
}

function summary(answer) {
  const copy = Object.assign({}, answer);
  delete copy.table;
  return JSON.stringify(copy);
}

async function loadForm() {
  const form = await (await call('/decision-tables/' + encodeURIComponent(table()) + '/form')).json();
  const node = $('try');
  node.dataset.endpoint = form.endpoint;
  node.replaceChildren(...form.fields.map((f) => {
    const p = document.createElement('p');
    const label = el('label', f);
    label.htmlFor = 'field-' + f;
    const input = document.createElement('input');
    input.id = 'field-' + f;
    input.name = f;
    p.append(label, input);
    return p;
  }));
}

async function decide() {
  clearError();
  const body = {};
  $('try').querySelectorAll('input').forEach((input) => {
    const v = input.value.trim();
    if (v === '') return;
    body[input.name] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v === 'true' ? true : v === 'false' ? false : v;
  });
  try {
    const answer = await (await call($('try').dataset.endpoint,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
    $('answer').hidden = false;
    text($('decided-by'), answer.decidedBy || '—');
    text($('answer-version'), answer.tableVersion);
    $('fired').replaceChildren(...(answer.firedRules || []).map((r) => el('li', r)));
    text($('answer-json'), JSON.stringify(answer, null, 2));
  } catch (e) { showError(e); }
}

$('table').onchange = () => loadTable().catch(showError);
$('upload').onclick = upload;
$('decide').onclick = decide;
$('token').value = sessionStorage.getItem('qunyun.token') || '';
$('use-token').onclick = () => {
  sessionStorage.setItem('qunyun.token', $('token').value.trim());
  clearError();
  loadTables().catch(showError);
};
loadTables().catch(showError);
