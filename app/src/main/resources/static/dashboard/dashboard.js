// Tenantry's dashboard: plain JavaScript, no build step. The page holds no data of its own: it asks for a bearer token
// (kept in this tab's sessionStorage only), calls the API with it, and reads the lifecycle stream with fetch(), since
// EventSource cannot send an Authorization header and a token must never travel in a URL.
'use strict';

(() => {
    const TOKEN_KEY = 'tenantry.dashboard.token';
    const PAGE_SIZE = 10;
    const FEED_SIZE = 100;
    const TYPE_PREFIX = 'io.tenantry.tenant.';
    const MAX_RETRY_MS = 30000;

    const state = {
        token: null,
        offset: 0,
        q: '',
        lastEventId: null, // the position of the newest event shown: where a reconnect resumes
        shown: new Set(),
        stream: null, // the AbortController of the open stream
        retryMs: 1000,
        statsTimer: null,
    };

    const $ = (id) => document.getElementById(id);

    class ApiError extends Error {
        constructor(status, message) {
            super(message);
            this.status = status;
        }
    }

    // ---- calls -------------------------------------------------------------------------------------------------

    async function problemOf(response) {
        let message = `${response.status} ${response.statusText}`.trim();
        try {
            const problem = await response.json();
            if (problem && problem.detail) {
                message = problem.code ? `${problem.detail} (${problem.code})` : problem.detail;
            }
        } catch (notJson) {
            // keep the status line
        }
        return new ApiError(response.status, message);
    }

    async function api(path) {
        const response = await fetch(path, {
            headers: {Accept: 'application/json', Authorization: `Bearer ${state.token}`},
            cache: 'no-store',
        });
        if (!response.ok) {
            throw await problemOf(response);
        }
        return response.json();
    }

    function showError(error) {
        const box = $('error');
        if (!error) {
            box.hidden = true;
            box.textContent = '';
            return;
        }
        box.textContent = error instanceof ApiError || error instanceof Error ? error.message : String(error);
        box.hidden = false;
        if (error instanceof ApiError && error.status === 401) {
            signOut(true); // expired or not a token of this server: ask for another
        }
    }

    // ---- rendering helpers -------------------------------------------------------------------------------------

    function element(tag, text, className) {
        const node = document.createElement(tag);
        if (text !== undefined && text !== null) {
            node.textContent = String(text);
        }
        if (className) {
            node.className = className;
        }
        return node;
    }

    function fillList(id, entries) {
        const list = $(id);
        list.replaceChildren();
        for (const [name, value] of entries) {
            const term = element('dt', name);
            const figure = element('dd', value);
            figure.dataset.key = name;
            list.append(term, figure);
        }
    }

    function when(iso) {
        if (!iso) {
            return '';
        }
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
    }

    function shortType(type) {
        return type.startsWith(TYPE_PREFIX) ? type.slice(TYPE_PREFIX.length).replace(/\.v\d+$/, '') : type;
    }

    // ---- stats -------------------------------------------------------------------------------------------------

    async function loadStats() {
        const stats = await api('/api/dashboard/stats');
        $('tenants-total').textContent = stats.tenants.total;
        fillList('tenants-by-status', Object.entries(stats.tenants.byStatus));
        fillList('tenants-by-tier', Object.entries(stats.tenants.byTier));
        fillList('tenants-by-plan', Object.entries(stats.tenants.byPlan));
        const leads = stats.leads;
        fillList('leads-funnel', [['Created', leads.created], ['Verified', leads.verified],
            ['Converted', leads.converted], ['Open', leads.open], ['Expired', leads.expired], ['Locked', leads.locked]]);
        $('members-total').textContent = stats.members.total;
        $('members-users').textContent = stats.members.users;
        $('teams-total').textContent = stats.teams.total;
        $('stats-as-of').textContent = when(stats.asOf);
        $('stats-as-of').dateTime = stats.asOf;
        renderFailures(stats.provisioningFailures);
        renderCharts(stats);
        return stats;
    }

    // ---- charts (Chart.js from the app's own WebJar) -----------------------------------------------------------

    const charts = {};

    // Draws a chart of one or more series ([{label, data}]), or gives the one drawn before its new labels and data
    // (animation off: the figures are the point). Stacked: each series on top of the ones before it.
    function draw(id, type, labels, series, stacked) {
        if (typeof Chart === 'undefined') {
            return; // the library did not load: the figures above still say it all
        }
        if (charts[id]) {
            charts[id].data.labels = labels;
            series.forEach((one, i) => {
                if (charts[id].data.datasets[i]) {
                    charts[id].data.datasets[i].data = one.data;
                } else {
                    charts[id].data.datasets.push(one);
                }
            });
            charts[id].update('none');
            return;
        }
        const axes = { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } };
        charts[id] = new Chart($(id), {
            type,
            data: { labels, datasets: series },
            options: {
                animation: false,
                responsive: true,
                maintainAspectRatio: false,
                plugins: { legend: { display: type === 'doughnut' || series.length > 1, labels: { boxWidth: 10 } } },
                scales: type === 'doughnut' ? {} : axes,
            },
        });
    }

    function chart(id, type, labels, counts) {
        draw(id, type, labels, [{ label: 'count', data: counts }], false);
    }

    function renderCharts(stats) {
        const status = Object.entries(stats.tenants.byStatus);
        chart('chart-status', 'bar', status.map(([name]) => name), status.map(([, count]) => count));
        const plans = Object.entries(stats.tenants.byPlan);
        chart('chart-plans', 'doughnut', plans.map(([name]) => name), plans.map(([, count]) => count));
        const leads = stats.leads;
        chart('chart-funnel', 'bar', ['Created', 'Verified', 'Converted'],
            [leads.created, leads.verified, leads.converted]);
        chart('chart-created', 'line', stats.tenantsCreatedPerDay.map((d) => d.day.slice(5)),
            stats.tenantsCreatedPerDay.map((d) => d.count));
        chart('chart-failures', 'line', stats.failuresPerDay.map((d) => d.day.slice(5)),
            stats.failuresPerDay.map((d) => d.count));
        const days = stats.statusPerDay;
        const statuses = days.length > 0 ? Object.keys(days[0].tenants) : [];
        draw('chart-status-history', 'line', days.map((d) => d.day.slice(5)),
            statuses.map((name) => ({ label: name, data: days.map((d) => d.tenants[name]), fill: true })), true);
    }

    function renderFailures(failures) {
        const body = $('failures').tBodies[0];
        body.replaceChildren();
        if (failures.length === 0) {
            const row = body.insertRow();
            const cell = element('td', 'None', 'empty');
            cell.colSpan = 5;
            row.append(cell);
            return;
        }
        for (const failure of failures) {
            const row = body.insertRow();
            row.dataset.tenantId = failure.tenantId;
            row.append(element('td', when(failure.at)), element('td', failure.tenantName || failure.tenantId),
                element('td', failure.kind), element('td', failure.reason), element('td', failure.tenantStatus));
        }
    }

    /** Figures change with the events: read them again, at most about once a second. */
    function refreshStatsSoon() {
        if (state.statsTimer) {
            return;
        }
        state.statsTimer = setTimeout(() => {
            state.statsTimer = null;
            if (state.token) {
                loadStats().catch(showError);
            }
        }, 1000);
    }

    // ---- tenants -----------------------------------------------------------------------------------------------

    async function loadTenants() {
        const query = new URLSearchParams({offset: String(state.offset), limit: String(PAGE_SIZE)});
        if (state.q) {
            query.set('q', state.q);
        }
        const page = await api(`/api/tenants?${query}`);
        const body = $('tenants').tBodies[0];
        body.replaceChildren();
        for (const tenant of page.items) {
            const row = body.insertRow();
            row.dataset.tenantId = tenant.id;
            const name = element('td');
            const link = element('a', tenant.name);
            link.href = `#tenant/${encodeURIComponent(tenant.id)}`;
            name.append(link);
            row.append(name, element('td', tenant.slug), element('td', tenant.status),
                element('td', tenant.tier), element('td', tenant.planId), element('td', when(tenant.createdAt)));
        }
        if (page.items.length === 0) {
            const cell = element('td', 'No tenants', 'empty');
            cell.colSpan = 6;
            body.insertRow().append(cell);
        }
        const first = page.total === 0 ? 0 : page.offset + 1;
        const last = page.offset + page.items.length;
        $('page-info').textContent = `${first}–${last} of ${page.total}`;
        $('prev-page').disabled = page.offset === 0;
        $('next-page').disabled = last >= page.total;
    }

    function goToPage(offset) {
        state.offset = Math.max(0, offset);
        loadTenants().then(() => showError(null), showError);
    }

    // ---- one tenant --------------------------------------------------------------------------------------------

    const ACTIONS = {
        suspend: {method: 'POST', path: (id) => `/api/tenants/${id}/suspend`, body: {reason: 'from the dashboard'}},
        reactivate: {method: 'POST', path: (id) => `/api/tenants/${id}/reactivate`},
        provision: {method: 'POST', path: (id) => `/api/tenants/${id}/provision`},
        delete: {method: 'DELETE', path: (id) => `/api/tenants/${id}`},
        restore: {method: 'POST', path: (id) => `/api/tenants/${id}/restore`},
    };

    function fillItems(id, items, text) {
        const list = $(id);
        list.replaceChildren(...(items.length === 0
            ? [element('li', 'None', 'empty')]
            : items.map((item) => element('li', text(item)))));
    }

    async function openTenant(id) {
        const base = `/api/tenants/${encodeURIComponent(id)}`;
        const audit = `/api/audit/tenants/${encodeURIComponent(id)}`;
        const tenant = await api(`${base}?includeDeleted=true`);
        const [members, teams, plans, history] = await Promise.all([
            api(`${base}/members?limit=500`).catch(() => ({items: []})),
            api(`${base}/teams?limit=500`).catch(() => ({items: []})),
            api(`${audit}/plan-changes?limit=500`),
            api(`${audit}/events?limit=500`),
        ]);
        const subscription = await api(`${base}/subscription`).catch(() => null);
        const invoices = await api(`${base}/invoices?limit=50`).catch(() => ({items: []}));
        const page = $('tenant-page');
        page.dataset.tenantId = tenant.id;
        $('tenant-heading').textContent = tenant.name;
        fillList('tenant-profile', [['Id', tenant.id], ['Slug', tenant.slug], ['Status', tenant.status],
            ['Tier', tenant.tier], ['Plan', tenant.planId], ['Industry', tenant.industry || '–'],
            ['Created', when(tenant.createdAt)], ['Version', tenant.version]]);
        fillItems('tenant-members', members.items, (m) => `${m.userId} · ${m.role}`);
        fillItems('tenant-teams', teams.items, (t) => `${t.name} (${t.memberCount})`);
        fillList('tenant-subscription', subscription
            ? [['Plan', subscription.planId], ['Status', subscription.status], ['Active', subscription.active],
                ['Billing', subscription.billingMode]]
            : [['Subscription', 'none yet']]);
        fillItems('tenant-invoices', invoices.items,
            (i) => `${i.number || i.invoiceId} · ${i.status} · ${(i.amountDue / 100).toFixed(2)} ${i.currency}`);
        const timeline = [`${when(tenant.createdAt)}: started on ${plans.initialPlanId || 'the default plan'}`]
            .concat(plans.items.map((c) => `${when(c.changedAt)}: ${c.fromPlanId} → ${c.toPlanId} by ${c.changedBy}`
                + (c.reason ? ` (“${c.reason}”)` : '')));
        fillItems('tenant-plan-timeline', timeline, (line) => line);
        fillItems('tenant-history', [...history.items].reverse(),
            (e) => `${when(e.occurredAt)} · ${e.type.replace(/Event$/, '')}${e.actorId ? ` by ${e.actorId}` : ''}`);
        page.hidden = false;
        $('tenant-heading').focus();
    }

    async function act(action) {
        const id = $('tenant-page').dataset.tenantId;
        const name = $('tenant-heading').textContent;
        if (!id || !window.confirm(`${action[0].toUpperCase()}${action.slice(1)} tenant “${name}”?`)) {
            return;
        }
        const call = ACTIONS[action];
        const headers = {Accept: 'application/json', Authorization: `Bearer ${state.token}`,
            'Idempotency-Key': crypto.randomUUID()};
        if (call.body) {
            headers['Content-Type'] = 'application/json';
        }
        const response = await fetch(call.path(encodeURIComponent(id)), {method: call.method, headers,
            body: call.body ? JSON.stringify(call.body) : undefined});
        if (!response.ok) {
            throw await problemOf(response);
        }
        showError(null);
        await openTenant(id);
        goToPage(state.offset);
    }

    function route() {
        const match = /^#tenant\/(.+)$/.exec(window.location.hash);
        if (!state.token) {
            return;
        }
        if (match) {
            openTenant(decodeURIComponent(match[1])).then(() => showError(null), showError);
        } else {
            $('tenant-page').hidden = true;
        }
    }

    // ---- live feed ---------------------------------------------------------------------------------------------

    function setFeedStatus(status) {
        const badge = $('feed-status');
        badge.textContent = status;
        badge.className = `status ${status}`;
    }

    /** Shows one lifecycle CloudEvent at the top of the feed, once. */
    function showEvent(event, fresh) {
        if (event.position == null || state.shown.has(event.position)) {
            return;
        }
        state.shown.add(event.position);
        if (state.lastEventId === null || event.position > state.lastEventId) {
            state.lastEventId = event.position;
        }
        const item = element('li', null, fresh ? 'new' : '');
        item.dataset.position = event.position;
        item.dataset.type = event.type;
        item.dataset.subject = event.subject;
        const data = event.data || {};
        const detail = data.name || data.status || data.toPlanId || data.userId || data.reason
            || (data.percent !== undefined ? `${data.key} ${data.percent} %` : '');
        item.append(element('span', shortType(event.type), 'type'), document.createTextNode(' '),
            element('span', `${event.subject}${detail ? ` · ${detail}` : ''}`), document.createTextNode(' '),
            element('span', `#${event.position} · ${when(event.time)}`, 'meta'));
        const feed = $('feed');
        // newest first: place by position, so replayed and live events keep the store's order
        const later = [...feed.children].find((other) => Number(other.dataset.position) < event.position);
        feed.insertBefore(item, later || null);
        while (feed.children.length > FEED_SIZE) {
            const oldest = feed.lastElementChild;
            state.shown.delete(Number(oldest.dataset.position));
            oldest.remove();
        }
    }

    /** Splits a text/event-stream into events (id, event, data), as the EventSource specification reads it. */
    async function readEvents(body, onEvent) {
        const reader = body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
            const {value, done} = await reader.read();
            if (done) {
                return;
            }
            buffer += value;
            // line ends may be \r\n, \r or \n; a \r at the very end may be half of a \r\n still to come
            const pending = buffer.endsWith('\r') ? '\r' : '';
            buffer = buffer.slice(0, buffer.length - pending.length).replace(/\r\n?/g, '\n');
            let end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
                const block = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                const event = parseEvent(block);
                if (event) {
                    onEvent(event);
                }
            }
            buffer += pending;
        }
    }

    function parseEvent(block) {
        let id = null;
        let type = 'message';
        const data = [];
        for (const line of block.split('\n')) {
            if (line === '' || line.startsWith(':')) {
                continue; // comments: the greeting and the heartbeats
            }
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            let value = colon < 0 ? '' : line.slice(colon + 1);
            if (value.startsWith(' ')) {
                value = value.slice(1);
            }
            if (field === 'id') {
                id = value;
            } else if (field === 'event') {
                type = value;
            } else if (field === 'data') {
                data.push(value);
            }
        }
        return data.length === 0 ? null : {id, type, data: data.join('\n')};
    }

    function onStreamEvent(message) {
        let event;
        try {
            event = JSON.parse(message.data);
        } catch (notJson) {
            return;
        }
        showEvent(event, true);
        refreshStatsSoon();
    }

    /** Opens the stream, resuming after the newest event shown; reconnects with back-off when it drops. */
    async function openStream() {
        const controller = new AbortController();
        state.stream = controller;
        setFeedStatus(state.lastEventId === null ? 'connecting' : 'reconnecting');
        try {
            const headers = {Accept: 'text/event-stream', Authorization: `Bearer ${state.token}`};
            if (state.lastEventId !== null) {
                headers['Last-Event-ID'] = String(state.lastEventId);
            }
            const response = await fetch('/api/dashboard/stream', {headers, signal: controller.signal, cache: 'no-store'});
            if (!response.ok) {
                const error = await problemOf(response);
                if (error.status === 401 || error.status === 403) {
                    setFeedStatus('offline');
                    showError(error);
                    return; // a token problem: retrying would not help
                }
                throw error;
            }
            setFeedStatus('live');
            state.retryMs = 1000;
            await readEvents(response.body, onStreamEvent);
            // the server ended the stream (its time is up): resume at once
            state.retryMs = 0;
        } catch (dropped) {
            if (controller.signal.aborted) {
                return;
            }
        }
        if (state.stream === controller) {
            setFeedStatus('reconnecting');
            const delay = state.retryMs;
            state.retryMs = Math.min(Math.max(state.retryMs * 2, 1000), MAX_RETRY_MS);
            setTimeout(() => {
                if (state.stream === controller) {
                    openStream();
                }
            }, delay);
        }
    }

    // ---- signing in and out ------------------------------------------------------------------------------------

    /** The token's subject, for display only (the server checks the token; this page cannot). */
    function subjectOf(token) {
        try {
            const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
            return JSON.parse(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '='))).sub || '?';
        } catch (notAJwt) {
            return '?';
        }
    }

    async function signIn(token) {
        state.token = token;
        showError(null);
        let stats;
        try {
            stats = await loadStats();
        } catch (error) {
            signOut(true);
            showError(error);
            return;
        }
        sessionStorage.setItem(TOKEN_KEY, token);
        $('whoami').textContent = subjectOf(token);
        $('sign-in').hidden = true;
        $('signed-in').hidden = false;
        $('dashboard').hidden = false;
        // the feed starts with the newest events the figures were read with, and the stream resumes after them
        [...stats.recentEvents].reverse().forEach((event) => showEvent(event, false));
        goToPage(0);
        openStream();
        route();
    }

    function signOut(forget) {
        if (state.stream) {
            state.stream.abort();
            state.stream = null;
        }
        clearTimeout(state.statsTimer);
        state.statsTimer = null;
        state.token = null;
        state.lastEventId = null;
        state.shown.clear();
        if (forget) {
            sessionStorage.removeItem(TOKEN_KEY);
        }
        $('feed').replaceChildren();
        setFeedStatus('offline');
        $('dashboard').hidden = true;
        $('tenant-page').hidden = true;
        $('signed-in').hidden = true;
        $('sign-in').hidden = false;
    }

    document.addEventListener('DOMContentLoaded', () => {
        $('sign-in').addEventListener('submit', (submitted) => {
            submitted.preventDefault();
            const token = $('token').value.trim();
            $('token').value = '';
            if (token) {
                signIn(token);
            }
        });
        $('sign-out').addEventListener('click', () => {
            signOut(true);
            showError(null);
        });
        $('tenant-search').addEventListener('submit', (submitted) => {
            submitted.preventDefault();
            state.q = $('tenant-q').value.trim();
            goToPage(0);
        });
        $('prev-page').addEventListener('click', () => goToPage(state.offset - PAGE_SIZE));
        window.addEventListener('hashchange', route);
        $('tenant-actions').addEventListener('click', (clicked) => {
            const action = clicked.target.dataset && clicked.target.dataset.action;
            if (action) {
                act(action).catch(showError);
            }
        });
        $('next-page').addEventListener('click', () => goToPage(state.offset + PAGE_SIZE));
        const kept = sessionStorage.getItem(TOKEN_KEY);
        if (kept) {
            signIn(kept);
        }
    });
})();
