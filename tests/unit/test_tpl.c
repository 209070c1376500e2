/* test_tpl.c - the template engine: escaping, sections, lookup, errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>

#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "view/tpl.h"

struct fixture {
	struct arena a;
	struct buf out;
	struct tpl_ctx *c;
};

static int
setup(void **state)
{
	struct fixture *f = test_calloc(1, sizeof(*f));
	buf_init(&f->out, 1 << 20);
	f->c = tpl_ctx_new(&f->a);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	buf_free(&f->out);
	arena_free(&f->a);
	test_free(f);
	return 0;
}

/* Render text with the fixture's context and return the output. */
static const char *
render(struct fixture *f, const char *text)
{
	buf_reset(&f->out);
	assert_int_equal(tpl_render_string(text, f->c, &f->out), 0);
	return buf_cstr(&f->out);
}

static void
test_escaping(void **state)
{
	struct fixture *f = *state;
	tpl_set(f->c, "v", "<a href=\"x\">Tom & 'Jerry'</a>");
	assert_string_equal(render(f, "[{{v}}]"),
	    "[&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;]");
	assert_string_equal(render(f, "<input value=\"{{ v }}\">"),
	    "<input value=\"&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;\">");
}

static void
test_raw(void **state)
{
	struct fixture *f = *state;
	tpl_set_raw(f->c, "body", "<p>Halo <em>dunia</em></p>");
	assert_string_equal(render(f, "{{body}}"), "<p>Halo <em>dunia</em></p>");
	/* triple braces do not bypass escaping: they are a syntax error */
	buf_reset(&f->out);
	assert_int_equal(tpl_render_string("{{{body}}}", f->c, &f->out), -1);
	buf_reset(&f->out);
	assert_int_equal(tpl_render_string("{{&body}}", f->c, &f->out), -1);
}

static void
test_values(void **state)
{
	struct fixture *f = *state;
	tpl_set_int(f->c, "n", -42);
	tpl_setf(f->c, "s", "%s-%03d", "a<b", 7);
	tpl_set_bool(f->c, "b", true);
	tpl_set(f->c, "gone", NULL);
	assert_string_equal(render(f, "{{n}}|{{s}}|{{b}}|{{gone}}|{{nothing}}"),
	    "-42|a&lt;b-007|||");
	/* setting a key again replaces its value */
	tpl_set(f->c, "s", "baru");
	assert_string_equal(render(f, "{{s}}"), "baru");
	/* integers at their limits, written without printf */
	tpl_set_int(f->c, "lo", LLONG_MIN);
	tpl_set_int(f->c, "hi", LLONG_MAX);
	tpl_set_int(f->c, "zero", 0);
	assert_string_equal(render(f, "{{lo}} {{hi}} {{zero}}"), "-9223372036854775808 9223372036854775807 0");
}

static void
test_list_parent_lookup(void **state)
{
	struct fixture *f = *state;
	tpl_set(f->c, "csrf", "tok");
	tpl_set(f->c, "name", "outer");
	struct tpl_ctx *it = tpl_push(f->c, "rows");
	tpl_set(it, "name", "A&B");
	tpl_set_int(it, "id", 1);
	it = tpl_push(f->c, "rows");
	tpl_set(it, "name", "C");
	tpl_set_int(it, "id", 2);
	assert_string_equal(render(f, "{{#rows}}<{{id}}:{{name}}:{{csrf}}>{{/rows}}{{name}}"),
	    "<1:A&amp;B:tok><2:C:tok>outer");
	/* a list inside a list item still sees the root */
	struct tpl_ctx *sub = tpl_push(it, "tags");
	tpl_set(sub, "t", "x");
	assert_string_equal(render(f, "{{#rows}}{{#tags}}{{t}}{{id}}{{csrf}}{{/tags}}{{/rows}}"),
	    "x2tok");
}

static void
test_inverted(void **state)
{
	struct fixture *f = *state;
	tpl_set_bool(f->c, "no", false);
	tpl_set(f->c, "empty", "");
	tpl_set_int(f->c, "zero", 0);
	tpl_set_int(f->c, "one", 1);
	tpl_set(f->c, "str", "x");
	tpl_child(f->c, "obj");
	assert_string_equal(render(f,
	    "{{^no}}a{{/no}}{{^empty}}b{{/empty}}{{^zero}}c{{/zero}}"
	    "{{^missing}}d{{/missing}}{{^rows}}e{{/rows}}"
	    "{{^one}}X{{/one}}{{^str}}X{{/str}}{{^obj}}X{{/obj}}"),
	    "abcde");
	tpl_push(f->c, "rows");
	assert_string_equal(render(f, "{{^rows}}none{{/rows}}"), "");
}

static void
test_booleans(void **state)
{
	struct fixture *f = *state;
	tpl_set_bool(f->c, "yes", true);
	tpl_set_bool(f->c, "no", false);
	tpl_set(f->c, "empty", "");
	tpl_set_int(f->c, "zero", 0);
	tpl_set_int(f->c, "seven", 7);
	tpl_set(f->c, "str", "s");
	tpl_set(f->c, "v", "outer");
	assert_string_equal(render(f,
	    "{{#yes}}Y{{v}}{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{/empty}}"
	    "{{#zero}}Z{{/zero}}{{#seven}}7{{/seven}}{{#str}}S{{/str}}{{#missing}}M{{/missing}}"),
	    "Youter7S");
}

static void
test_dotted_and_object(void **state)
{
	struct fixture *f = *state;
	struct tpl_ctx *user = tpl_child(f->c, "user");
	tpl_set(user, "name", "Sari");
	struct tpl_ctx *addr = tpl_child(user, "addr");
	tpl_set(addr, "village", "Bojong");
	tpl_set(f->c, "csrf", "tok");
	assert_string_equal(render(f, "{{user.name}}/{{user.addr.village}}/{{user.none}}/{{user.name.x}}"),
	    "Sari/Bojong//");
	/* an object section pushes the object; parents stay visible */
	assert_string_equal(render(f, "{{#user}}{{name}}{{csrf}}{{#addr}}{{village}}{{name}}{{/addr}}{{/user}}"),
	    "SaritokBojongSari");
	/* tpl_child returns the same object the second time */
	assert_ptr_equal(tpl_child(f->c, "user"), user);
	/* the rest of a dotted name is not looked up in parents */
	assert_string_equal(render(f, "{{#user}}{{addr.csrf}}{{/user}}"), "");
}

static void
test_comments_and_whitespace(void **state)
{
	struct fixture *f = *state;
	tpl_set(f->c, "x", "1");
	assert_string_equal(render(f, "a{{! a comment with {x} and < > &\n on two lines }}b{{ x }}{{#x }}c{{/ x}}"),
	    "ab1c");
	assert_string_equal(render(f, "no tags at all"), "no tags at all");
	assert_string_equal(render(f, ""), "");
	assert_string_equal(render(f, "a { b } c {x}"), "a { b } c {x}");
}

/* Dates reach people in words whatever the handler stored. */
static void
test_date_filters(void **state)
{
	struct fixture *f = *state;
	tpl_set(f->c, "born", "1998-08-14");
	tpl_set(f->c, "at", "2026-12-07 09:00");
	tpl_set(f->c, "odd", "<besok>");
	assert_string_equal(render(f, "{{born|tanggal}}"), "14 Agustus 1998");
	assert_string_equal(render(f, "{{at|waktu}}"), "Senin, 7 Desember 2026 pukul 09.00");
	assert_string_equal(render(f, "{{at|hari}}"), "Senin, 7 Desember 2026");
	assert_string_equal(render(f, "{{ at|tanggal }}"), "7 Desember 2026");
	assert_string_equal(render(f, "{{born|waktu}}"), "Jumat, 14 Agustus 1998");
	assert_string_equal(render(f, "{{odd|waktu}}"), "&lt;besok&gt;");
	assert_string_equal(render(f, "[{{missing|waktu}}]"), "[]");
	assert_string_equal(render(f, "{{at}}"), "2026-12-07 09:00");
}

static void
test_errors(void **state)
{
	struct fixture *f = *state;
	static const char *bad[] = {
		"{{#a}}never closed",
		"{{#a}}{{#b}}{{/a}}{{/b}}",
		"{{/a}}",
		"{{#a}}x{{/b}}",
		"{{unterminated",
		"{{}}",
		"{{ }}",
		"{{a b}}",
		"{{a..b}}",
		"{{.a}}",
		"{{=<% %>=}}",
		"{{a|date}}",
		"{{a|}}",
		"{{#a|waktu}}{{/a|waktu}}",
		"{{>no_such_template_here}}",
		"{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}"
		"{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}"
		"{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}"
		"{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		buf_reset(&f->out);
		assert_int_equal(tpl_render_string(bad[i], f->c, &f->out), -1);
	}
}

static void
test_unknown_template(void **state)
{
	struct fixture *f = *state;
	/* every template the lead wrote must parse and link */
	assert_int_equal(tpl_init(), 0);
	assert_int_equal(tpl_init(), 0);
	assert_int_equal(tpl_render("no_such_template_here", f->c, &f->out), -1);
}

static void
test_many_items(void **state)
{
	struct fixture *f = *state;
	for (int i = 0; i < 100; i++) {
		struct tpl_ctx *it = tpl_push(f->c, "rows");
		tpl_set_int(it, "i", i);
	}
	const char *s = render(f, "{{#rows}}{{i}},{{/rows}}");
	assert_int_equal(strncmp(s, "0,1,2,", 6), 0);
	assert_int_equal(strlen(s), 10 * 2 + 90 * 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_escaping, setup, teardown),
		cmocka_unit_test_setup_teardown(test_raw, setup, teardown),
		cmocka_unit_test_setup_teardown(test_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_parent_lookup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_inverted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_booleans, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dotted_and_object, setup, teardown),
		cmocka_unit_test_setup_teardown(test_comments_and_whitespace, setup, teardown),
		cmocka_unit_test_setup_teardown(test_date_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_template, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_items, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
