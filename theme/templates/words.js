{% from "components/hours_table.html" import opening_time with context %}
{#
  The words of the page scripts in one language (plugins/venues/site/page_words.py), one file a language that a
  phone caches, loaded (deferred) before the scripts that read them: js/open-now.js reads window.sosPageWords.openNow.
  Times are named as the hours table names them, for every time a shown venue opens or closes.
#}
{% set names = namespace(times={}) %}
{% for time in open_now_times %}
{% set names.times = dict(names.times, **{(time.hour * 60 + time.minute)|string: opening_time(time)|string}) %}
{% endfor %}
{% set words = {
  "open": _('Open now, closes %(time)s', time='{time}'),
  "openDay": _('Open now, closes %(day)s %(time)s', day='{day}', time='{time}'),
  "openNow": _('Open now'),
  "opensToday": _('Closed, opens today at %(time)s', time='{time}'),
  "opensTomorrow": _('Closed, opens tomorrow at %(time)s', time='{time}'),
  "opensDay": _('Closed, opens %(day)s %(time)s', day='{day}', time='{time}'),
  "closed": _('Closed now.'),
  "after": _('We do not know the hours after %(date)s: please call before you visit.', date=format_date(open_now_until)),
  "unknown": _('Hours not known'),
  "days": [_('Monday'), _('Tuesday'), _('Wednesday'), _('Thursday'), _('Friday'), _('Saturday'), _('Sunday')],
  "times": names.times,
} %}
/* The page scripts' words in this language, written by the build (theme/templates/words.js). */
window.sosPageWords = {"openNow": {{ words|tojson }}};
