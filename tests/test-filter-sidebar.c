/* test-filter-sidebar.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "io/atlas-loader.h"
#include "io/atlas-report.h"
#include "panels/atlas-filter-sidebar.h"
#include "window-test-helpers.h"

/*
 * The filter sidebar on a dataset with hundreds of districts: the dataset lands
 * with only the first rows made, the others arrive in order from an idle, and
 * every row ends up showing the filter as it is, ticks made while rows were
 * still coming included (a saved state is applied right after the landing). A
 * dataset that replaces one whose rows are still coming gets only its own rows.
 */

#define N_DISTRICTS 300

typedef struct
{
  char *dir;
  GtkWidget *window;
  AtlasFilterSidebar *sidebar;
  AtlasFilter *filter;
  AtlasSelection *selection;
  GtkListBox *districts;
} Fixture;

/* A dataset file with @n districts named "@prefix N", each with one place and
 * fewer events the further down the list it is. */
static AtlasDataset *
write_and_load (Fixture    *fixture,
                const char *prefix,
                guint       n)
{
  g_autoptr(GString) json = g_string_new ("{\"atlas\":1,\"title\":\"Districts\",");
  g_autofree char *name = g_strdup_printf ("%s.atlas.json", prefix);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset;
  guint event = 0;

  g_string_append (json, "\"sources\":[{\"id\":\"s\",\"title\":\"S\",\"publisher\":\"P\",\"date\":\"2020\"}],"
                         "\"sectors\":[{\"id\":\"a\",\"name\":\"Sector A\",\"color\":\"#1c71d8\"}],"
                         "\"districts\":[");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\":\"d%u\",\"name\":\"%s %u\"}", i ? "," : "", i, prefix, i);
  g_string_append (json, "],\"locations\":[");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\":\"l%u\",\"name\":\"Place %u\",\"kind\":\"port\",\"district\":\"d%u\","
                            "\"sectors\":[\"a\"],\"point\":[106.5,29.5]}", i ? "," : "", i, i, i);
  g_string_append (json, "],\"events\":[");
  for (guint i = 0; i < n; i++)
    for (guint e = i; e < n; e += 37)
      {
        g_string_append_printf (json, "%s{\"id\":\"e%u\",\"date\":\"2021\",\"title\":\"Event %u\","
                                "\"location\":[\"l%u\"],\"sectors\":[\"a\"],\"source\":\"s\"}",
                                event ? "," : "", event, event, i);
        event++;
      }
  g_string_append (json, "]}");

  g_assert_true (g_file_set_contents (path, json->str, (gssize) json->len, &error));
  g_assert_no_error (error);
  dataset = atlas_loader_load_file (file, report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_dataset_get_n_districts (dataset), ==, n);
  return dataset;
}

/* The list a screen reader knows by @name. */
static GtkListBox *
find_list (GtkWidget  *widget,
           const char *name)
{
  if (GTK_IS_LIST_BOX (widget))
    {
      g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, name);

      if (problem == NULL)
        return GTK_LIST_BOX (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_list (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* How many rows @list has, or of those how many are shown */
static guint
count_rows (GtkListBox *list,
            gboolean    shown)
{
  GtkListBoxRow *row;
  guint n = 0;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    n += !shown || gtk_widget_get_visible (GTK_WIDGET (row));
  return n;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
fixture_set_up (Fixture *fixture)
{
  fixture->dir = g_dir_make_tmp ("atlas-sidebar-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->filter = atlas_filter_new ();
  fixture->selection = atlas_selection_new ();
  fixture->sidebar = g_object_new (ATLAS_TYPE_FILTER_SIDEBAR, NULL);
  atlas_filter_sidebar_set_models (fixture->sidebar, fixture->filter, fixture->selection);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 320, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->sidebar));
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->districts = find_list (GTK_WIDGET (fixture->sidebar), "Districts");
  g_assert_nonnull (fixture->districts);
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->filter);
  g_clear_object (&fixture->selection);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

typedef struct
{
  GtkListBox *list;
  guint n;
  gboolean shown;
} RowsWanted;

static gboolean
has_rows (gpointer data)
{
  RowsWanted *wanted = data;

  return count_rows (wanted->list, wanted->shown) >= wanted->n;
}

static void
wait_for_rows (GtkListBox *list,
               guint       n,
               gboolean    shown)
{
  RowsWanted wanted = { list, n, shown };

  atlas_test_wait_until (has_rows, &wanted, 20, shown ? "the district rows to show" : "district rows to be made");
}

/* Every row of the list, in order, is the district of its index and shows the
 * filter's tick and count, on the box and to a screen reader. */
static void
check_rows (Fixture    *fixture,
            const char *prefix,
            guint       n)
{
  /* A few more frames: nothing else arrives. */
  atlas_test_wait_frames (fixture->window, 3);
  g_assert_cmpuint (count_rows (fixture->districts, FALSE), ==, n);
  g_assert_cmpuint (count_rows (fixture->districts, TRUE), ==, n);
  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (fixture->districts, (int) i);
      GtkWidget *label = find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL);
      GtkWidget *check = find_descendant (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON);
      gboolean active = atlas_filter_get_value (fixture->filter, ATLAS_FACET_DISTRICT, i);
      guint count = atlas_filter_get_value_count (fixture->filter, ATLAS_FACET_DISTRICT, i);
      g_autofree char *name = g_strdup_printf ("%s %u", prefix, i);
      g_autofree char *accessible = g_strdup_printf ("%s %u, %u %s", prefix, i, count,
                                                     count == 1 ? "event" : "events");
      g_autofree char *problem = NULL;

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, name);
      g_assert_cmpint (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)), ==, active);
      problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                    accessible);
      g_assert_cmpstr (problem, ==, NULL);
      problem = gtk_test_accessible_check_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED,
                                                 active ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                        : GTK_ACCESSIBLE_TRISTATE_FALSE);
      g_assert_cmpstr (problem, ==, NULL);
    }
}

/* The landing makes the first rows only; ticks set right after it (as a saved
 * state does) and changes while the rows come show on every row. */
static void
test_rows_arrive (void)
{
  Fixture fixture;
  g_autoptr(AtlasDataset) dataset = NULL;
  guint landed;

  fixture_set_up (&fixture);
  dataset = write_and_load (&fixture, "District", N_DISTRICTS);
  atlas_test_wait_frames (fixture.window, 1);

  atlas_filter_set_dataset (fixture.filter, dataset);
  landed = count_rows (fixture.districts, TRUE);
  g_test_message ("%u of %u district rows shown as the dataset landed", landed, N_DISTRICTS);
  g_assert_cmpuint (landed, >, 0);
  g_assert_cmpuint (landed, <, N_DISTRICTS / 2);
  /* A saved state, right after the landing: districts whose rows are not made. */
  atlas_filter_set_value (fixture.filter, ATLAS_FACET_DISTRICT, N_DISTRICTS - 2, TRUE);
  atlas_filter_set_value (fixture.filter, ATLAS_FACET_DISTRICT, N_DISTRICTS / 2, TRUE);

  /* Changes while the rows come: a tick taken back, a search. */
  wait_for_rows (fixture.districts, landed + 1, FALSE);
  atlas_filter_set_value (fixture.filter, ATLAS_FACET_DISTRICT, N_DISTRICTS / 2, FALSE);
  atlas_filter_set_text (fixture.filter, "Event 1");

  wait_for_rows (fixture.districts, N_DISTRICTS, TRUE);
  check_rows (&fixture, "District", N_DISTRICTS);
  g_assert_true (atlas_filter_get_value (fixture.filter, ATLAS_FACET_DISTRICT, N_DISTRICTS - 2));

  /* A row made late flips its district when activated (Space, Enter, a click). */
  g_signal_emit_by_name (fixture.districts, "row-activated",
                         gtk_list_box_get_row_at_index (fixture.districts, N_DISTRICTS - 3));
  g_assert_true (atlas_filter_get_value (fixture.filter, ATLAS_FACET_DISTRICT, N_DISTRICTS - 3));
  check_rows (&fixture, "District", N_DISTRICTS);

  fixture_tear_down (&fixture);
}

/* A dataset arriving while the rows of the one before are still coming: only
 * its own rows, and none of the other's afterwards. */
static void
test_new_dataset_cancels (void)
{
  Fixture fixture;
  g_autoptr(AtlasDataset) first = NULL;
  g_autoptr(AtlasDataset) second = NULL;

  fixture_set_up (&fixture);
  first = write_and_load (&fixture, "District", N_DISTRICTS);
  second = write_and_load (&fixture, "Area", N_DISTRICTS / 3);
  atlas_test_wait_frames (fixture.window, 1);

  atlas_filter_set_dataset (fixture.filter, first);
  g_assert_cmpuint (count_rows (fixture.districts, TRUE), <, N_DISTRICTS);
  atlas_filter_set_dataset (fixture.filter, second);
  atlas_filter_set_value (fixture.filter, ATLAS_FACET_DISTRICT, N_DISTRICTS / 3 - 2, TRUE);

  wait_for_rows (fixture.districts, N_DISTRICTS / 3, TRUE);
  check_rows (&fixture, "Area", N_DISTRICTS / 3);

  /* And with no dataset, no rows at all. */
  atlas_filter_set_dataset (fixture.filter, first);
  atlas_filter_set_dataset (fixture.filter, NULL);
  check_rows (&fixture, "District", 0);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (fixture.districts))));

  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/filter-sidebar/rows-arrive", test_rows_arrive);
  g_test_add_func ("/filter-sidebar/new-dataset-cancels", test_new_dataset_cancels);

  return g_test_run ();
}
