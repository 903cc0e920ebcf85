/* test-map-view.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The whole map view on the bundled dataset, in a window under Xvfb: it fits
 * the dataset on load, draws places in their sector colours (checked on a
 * screenshot saved as map-view.png in the test's build directory), selects on
 * click and by keyboard, follows the selection made elsewhere, honours the
 * filter, switches base maps, labels its controls for assistive technologies,
 * and finalizes with its window.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "atlas-coordinator.h"
#include "map-test-helpers.h"
#include "map/atlas-map-style.h"
#include "map/atlas-map-tooltip.h"
#include "map/atlas-map-view-private.h"
#include "window-test-helpers.h"

#define WIDTH 1000
#define HEIGHT 700

typedef struct
{
  GtkWidget *window;
  AtlasMapView *view;
  AtlasPlaceLayer *places;
  AtlasDataset *dataset;
  AtlasFilter *filter;
  AtlasSelection *selection;
  AtlasPlayhead *playhead;
  AtlasCoordinator *coordinator;
} Fixture;

/* Waits until the map stops moving (animations end). */
static void
wait_until_still (Fixture *fixture)
{
  atlas_test_wait_until_still (atlas_map_view_get_map (fixture->view));
}

static gboolean
has_width (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->filter = atlas_filter_new ();
  fixture->selection = atlas_selection_new ();
  fixture->playhead = atlas_playhead_new (fixture->filter);
  fixture->dataset = map_test_load_bundled ();

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), WIDTH, HEIGHT);
  fixture->view = g_object_new (ATLAS_TYPE_MAP_VIEW, "base-map", ATLAS_BASE_MAP_OFFLINE, NULL);
  fixture->places = atlas_map_view_get_place_layer (fixture->view);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  atlas_map_view_set_models (fixture->view, fixture->filter, fixture->selection, fixture->playhead);
  /* As the window does: the map's intents reach the models through a coordinator. */
  fixture->coordinator = atlas_coordinator_new (fixture->filter, fixture->selection, fixture->playhead);
  atlas_coordinator_watch (fixture->coordinator, ATLAS_INTENT_SOURCE (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));

  /* As the window does: the dataset arrives after the view is set up. */
  atlas_selection_set_dataset (fixture->selection, fixture->dataset);
  atlas_filter_set_dataset (fixture->filter, fixture->dataset);

  atlas_test_wait_until (has_width, fixture->view, 20, "the map view to be laid out");
  wait_until_still (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  AtlasMapView *view = fixture->view;

  /* The view goes with its window, models or not. */
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  atlas_test_wait_for_finalize (&view, "the map view to be finalized with its window");

  g_assert_finalize_object (fixture->coordinator);
  g_assert_finalize_object (fixture->playhead);
  g_assert_finalize_object (fixture->filter);
  g_assert_finalize_object (fixture->selection);
  g_assert_finalize_object (fixture->dataset);
}

static double
zoom_of (Fixture *fixture)
{
  ShumateMap *map = atlas_map_view_get_map (fixture->view);

  return shumate_viewport_get_zoom_level (shumate_map_get_viewport (map));
}

static guint32
sector_color (Fixture *fixture,
              guint    place)
{
  guint n;
  const guint32 *sectors = atlas_dataset_location_sectors (fixture->dataset, place, &n);

  if (n == 0)
    return atlas_map_palette_get (FALSE)->no_sector;
  return atlas_dataset_get_sector (fixture->dataset, sectors[0])->color;
}

static double
color_distance (guint32 a,
                guint32 b)
{
  int dr = (int) ((a >> 16) & 0xff) - (int) ((b >> 16) & 0xff);
  int dg = (int) ((a >> 8) & 0xff) - (int) ((b >> 8) & 0xff);
  int db = (int) (a & 0xff) - (int) (b & 0xff);

  return sqrt (dr * dr + dg * dg + db * db);
}

typedef struct
{
  guint8 *pixels;
  int width, height;
} Shot;

/* Renders the view as the window shows it and saves the picture. */
static void
screenshot (Fixture    *fixture,
            const char *name,
            Shot       *shot)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* The paintable shows what the window last drew: nothing until its first
   * frame, which a loaded machine may take a while to draw. */
  while (node == NULL && g_get_monotonic_time () < deadline)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        atlas_test_wait_frames (widget, 1);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (fixture->window)),
                                         node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  g_assert_nonnull (info);
  g_assert_cmpint (g_file_info_get_size (info), >, 20000);

  shot->width = gdk_texture_get_width (texture);
  shot->height = gdk_texture_get_height (texture);
  shot->pixels = g_malloc (4 * shot->width * shot->height);
  gdk_texture_download (texture, shot->pixels, 4 * shot->width);
}

static guint32
shot_pixel (const Shot *shot,
            double      x,
            double      y)
{
  int px = CLAMP ((int) floor (x), 0, shot->width - 1), py = CLAMP ((int) floor (y), 0,
                                                                    shot->height - 1);
  const guint8 *p = shot->pixels + 4 * (py * shot->width + px);

  return ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

/* Places drawn alone, active, without a hole in the middle (the ring of a city,
 * the frame of a district) and with no other marker close by, so their centre
 * pixel is their fill. */
static gboolean
clearly_drawn (Fixture *fixture,
               guint    place,
               double  *x,
               double  *y)
{
  AtlasPlacePick pick;
  guint n = atlas_dataset_get_n_locations (fixture->dataset);

  if (!atlas_place_layer_get_position (fixture->places, place, x, y) ||
      atlas_place_layer_get_count (fixture->places, place) == 0 ||
      atlas_dataset_get_location (fixture->dataset, place)->kind == ATLAS_KIND_CITY ||
      atlas_dataset_get_location (fixture->dataset, place)->kind == ATLAS_KIND_DISTRICT)
    return FALSE;
  if (!atlas_place_layer_pick (fixture->places, *x, *y, &pick) || pick.place != place)
    return FALSE;
  for (guint other = 0; other < n; other++)
    {
      double ox, oy;

      if (other != place && atlas_place_layer_get_position (fixture->places, other, &ox, &oy) &&
          hypot (ox - *x, oy - *y) < 2 * ATLAS_MAP_RADIUS_MAX + 4)
        return FALSE;
    }
  return TRUE;
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  Shot shot = { 0 };
  guint n = atlas_dataset_get_n_locations (fixture->dataset), checked = 0;
  GHashTable *colors = g_hash_table_new (NULL, NULL);

  /* Fitted to the dataset: Chengdu and Chongqing both on screen. */
  g_assert_cmpfloat (zoom_of (fixture), >, 6);
  g_assert_cmpfloat (zoom_of (fixture), <, 10);
  g_assert_cmpuint (atlas_place_layer_get_n_visible (fixture->places), ==, n);

  screenshot (fixture, "map-view.png", &shot);

  /* Not a flat picture. */
  for (int i = 0; i < shot.width * shot.height; i += 7)
    {
      guint32 pixel = shot_pixel (&shot, i % shot.width, i / shot.width);

      g_hash_table_add (colors, GUINT_TO_POINTER (pixel));
    }
  g_assert_cmpuint (g_hash_table_size (colors), >, 200);
  g_hash_table_unref (colors);

  for (guint place = 0; place < n; place++)
    {
      double x, y;

      if (!clearly_drawn (fixture, place, &x, &y))
        continue;
      g_test_message ("%s at %.0f, %.0f: %06x, sector colour %06x",
                      atlas_dataset_get_location (fixture->dataset, place)->id, x, y,
                      shot_pixel (&shot, x, y), sector_color (fixture, place));
      g_assert_cmpfloat (color_distance (shot_pixel (&shot, x, y), sector_color (fixture, place)),
                         <, 40);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 3);

  /* Dense places are clustered at this zoom. */
  g_assert_cmpuint (atlas_place_layer_get_n_clusters (fixture->places), >, 0);
  g_free (shot.pixels);
}

/* Somewhere on screen where a click hits a place, a cluster, a district, or
 * nothing at all. */
typedef enum { HIT_PLACE, HIT_CLUSTER, HIT_DISTRICT, HIT_NOTHING } HitKind;

static gboolean
find_spot (Fixture *fixture,
           HitKind  kind,
           double  *x,
           double  *y,
           guint   *index)
{
  AtlasAreaLayer *areas = atlas_map_view_get_area_layer (fixture->view);

  /* Stay away from the controls in the top right corner. */
  for (double sy = 10; sy < HEIGHT - 10; sy += 3)
    {
      for (double sx = 10; sx < WIDTH - 100; sx += 3)
        {
          AtlasPlacePick place;
          AtlasAreaPick area;
          gboolean on_place = atlas_place_layer_pick (fixture->places, sx, sy, &place);
          gboolean on_area = atlas_area_layer_pick (areas, sx, sy, &area);

          if ((kind == HIT_PLACE && on_place && place.kind == ATLAS_PLACE_PICK_PLACE) ||
              (kind == HIT_CLUSTER && on_place && place.kind == ATLAS_PLACE_PICK_CLUSTER))
            {
              *x = place.x;
              *y = place.y;
              *index = place.place;
              return TRUE;
            }
          if ((kind == HIT_DISTRICT && !on_place && on_area &&
               area.kind == ATLAS_AREA_PICK_DISTRICT) ||
              (kind == HIT_NOTHING && !on_place && !on_area))
            {
              *x = sx;
              *y = sy;
              *index = area.index;
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  double x, y, zoom;
  guint index;

  /* A place: selected. */
  g_assert_true (find_spot (fixture, HIT_PLACE, &x, &y, &index));
  atlas_map_view_click (fixture->view, x + 3, y - 2);
  g_assert_cmpuint (atlas_selection_get_location (fixture->selection), ==, index);

  /* Empty map: the selection is cleared. */
  g_assert_true (find_spot (fixture, HIT_NOTHING, &x, &y, &index));
  atlas_map_view_click (fixture->view, x, y);
  g_assert_true (atlas_selection_is_empty (fixture->selection));

  /* A district. */
  g_assert_true (find_spot (fixture, HIT_DISTRICT, &x, &y, &index));
  atlas_map_view_click (fixture->view, x, y);
  g_assert_cmpuint (atlas_selection_get_district (fixture->selection), ==, index);
  g_assert_cmpuint (atlas_selection_get_location (fixture->selection), ==, ATLAS_NONE);

  /* A cluster: zooms in on it, at least two levels, and it splits. */
  zoom = zoom_of (fixture);
  g_assert_true (find_spot (fixture, HIT_CLUSTER, &x, &y, &index));
  atlas_map_view_click (fixture->view, x, y);
  wait_until_still (fixture);
  g_assert_cmpfloat (zoom_of (fixture), >=, zoom + 2 - 1e-6);
  g_assert_true (atlas_place_layer_get_position (fixture->places, index, &x, &y) ||
                 atlas_place_layer_get_n_clusters (fixture->places) > 0);
}

/* The tooltip names what a click there would select. */
static void
test_tooltip (Fixture       *fixture,
              gconstpointer  data)
{
  AtlasAreaLayer *areas = atlas_map_view_get_area_layer (fixture->view);
  g_autofree char *place_markup = NULL;
  g_autofree char *cluster_markup = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *nothing = NULL;
  const AtlasLocation *loc;
  double x, y;
  guint index;

  g_assert_true (find_spot (fixture, HIT_PLACE, &x, &y, &index));
  place_markup = atlas_map_tooltip_markup (fixture->dataset, fixture->places, areas, TRUE, x, y);
  loc = atlas_dataset_get_location (fixture->dataset, index);
  expected = g_markup_printf_escaped ("<b>%s</b>\n%s · ", loc->name, atlas_kind_get_label (loc->kind));
  g_assert_true (g_str_has_prefix (place_markup, expected));
  g_assert_true (g_str_has_suffix (place_markup, "in the time window"));

  g_assert_true (find_spot (fixture, HIT_CLUSTER, &x, &y, &index));
  cluster_markup = atlas_map_tooltip_markup (fixture->dataset, fixture->places, areas, TRUE, x, y);
  g_assert_nonnull (strstr (cluster_markup, " places</b>"));

  g_assert_true (find_spot (fixture, HIT_NOTHING, &x, &y, &index));
  nothing = atlas_map_tooltip_markup (fixture->dataset, fixture->places, areas, TRUE, x, y);
  g_assert_null (nothing);
}

/* Activates the shortcut of the view bound to @keyval, as a key press with the
 * focus on the view would. */
static gboolean
press (Fixture *fixture,
       guint    keyval)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_not_reached ();
}

static GtkWidget *
first_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = GTK_IS_BUTTON (child) ? child : first_button (child);

      if (button != NULL)
        return button;
    }
  return NULL;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  ShumateViewport *viewport = shumate_map_get_viewport (atlas_map_view_get_map (fixture->view));
  double zoom, lon;
  guint place;

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->view)));

  /* With the focus on one of the map's buttons, arrows, Enter and Escape keep
   * their usual meaning. */
  g_assert_true (gtk_widget_grab_focus (first_button (GTK_WIDGET (fixture->view))));
  g_assert_false (gtk_widget_is_focus (GTK_WIDGET (fixture->view)));
  g_assert_false (press (fixture, GDK_KEY_Left));
  g_assert_false (press (fixture, GDK_KEY_Return));

  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (fixture->view)));

  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  g_assert_true (press (fixture, GDK_KEY_Right));
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), >, lon);
  g_assert_true (press (fixture, GDK_KEY_Left));
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), lon,
                                  1e-6);

  zoom = round (zoom_of (fixture));
  press (fixture, GDK_KEY_plus);
  wait_until_still (fixture);
  g_assert_cmpfloat_with_epsilon (zoom_of (fixture), zoom + 1, 1e-6);
  press (fixture, GDK_KEY_KP_Subtract);
  wait_until_still (fixture);
  g_assert_cmpfloat_with_epsilon (zoom_of (fixture), zoom, 1e-6);

  /* Enter selects the place nearest the centre. */
  place = atlas_place_layer_nearest (fixture->places, WIDTH / 2.0, HEIGHT / 2.0, 10000);
  g_assert_cmpuint (place, !=, ATLAS_NONE);
  g_assert_true (press (fixture, GDK_KEY_Return));
  g_assert_cmpuint (atlas_selection_get_location (fixture->selection), ==, place);

  /* Escape clears it; a second Escape is not the map's. */
  g_assert_true (press (fixture, GDK_KEY_Escape));
  g_assert_true (atlas_selection_is_empty (fixture->selection));
  g_assert_false (press (fixture, GDK_KEY_Escape));
}

static void
test_follow_selection (Fixture       *fixture,
                       gconstpointer  data)
{
  guint place = atlas_dataset_find_location (fixture->dataset, "guoyuan-port");
  Shot shot = { 0 };
  double x, y;

  g_assert_cmpuint (place, !=, ATLAS_NONE);

  /* Selected elsewhere (an event in the list): the map zooms in and shows it,
   * highlighted, in its sector colour. */
  atlas_selection_select_location (fixture->selection, place);
  wait_until_still (fixture);
  g_assert_cmpfloat (zoom_of (fixture), >=, 8);
  g_assert_true (atlas_place_layer_get_position (fixture->places, place, &x, &y));
  g_assert_cmpfloat (fabs (x - WIDTH / 2.0), <, 2);
  g_assert_cmpfloat (fabs (y - HEIGHT / 2.0), <, 2);

  screenshot (fixture, "map-view-selected.png", &shot);
  g_assert_cmpfloat (color_distance (shot_pixel (&shot, x, y), sector_color (fixture, place)), <,
                     40);
  g_free (shot.pixels);

  /* Zoom to selection goes closer. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "map.zoom-selection", NULL);
  wait_until_still (fixture);
  g_assert_cmpfloat (zoom_of (fixture), >=, 14 - 1e-6);

  /* Show all places again. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "map.zoom-fit", NULL);
  wait_until_still (fixture);
  g_assert_cmpfloat (zoom_of (fixture), <, 10);
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  GtkBitset *ports = atlas_dataset_get_kind_locations (fixture->dataset, ATLAS_KIND_PORT);
  guint n = atlas_dataset_get_n_locations (fixture->dataset);
  g_autofree char *description = NULL;
  guint drawn = 0;

  g_assert_false (gtk_bitset_is_empty (ports));
  atlas_filter_set_value (fixture->filter, ATLAS_FACET_KIND, ATLAS_KIND_PORT, TRUE);

  g_assert_cmpuint (atlas_place_layer_get_n_visible (fixture->places), ==,
                    gtk_bitset_get_size (atlas_filter_get_locations (fixture->filter)));
  g_assert_cmpuint (atlas_place_layer_get_n_visible (fixture->places), <, n);
  description = g_strdup_printf ("%u of %u places shown",
                                 atlas_place_layer_get_n_visible (fixture->places), n);
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);

  /* Hidden places are neither drawn nor hit. */
  for (guint place = 0; place < n; place++)
    {
      double x, y;
      AtlasPlacePick pick;

      if (atlas_filter_location_visible (fixture->filter, place))
        continue;
      g_assert_false (atlas_place_layer_get_position (fixture->places, place, &x, &y));
      atlas_place_layer_pick (fixture->places, x, y, &pick);
      g_assert_true (pick.place != place || pick.kind == ATLAS_PLACE_PICK_CLUSTER);
    }
  for (guint place = 0; place < n; place++)
    {
      double x, y;

      drawn += atlas_place_layer_get_position (fixture->places, place, &x, &y);
    }
  g_assert_cmpuint (drawn, >, 0);

  atlas_filter_clear (fixture->filter);
  g_assert_cmpuint (atlas_place_layer_get_n_visible (fixture->places), ==, n);
}

static void
test_base_map (Fixture       *fixture,
               gconstpointer  data)
{
  g_assert_cmpint (atlas_map_view_get_base_map (fixture->view), ==, ATLAS_BASE_MAP_OFFLINE);
  g_assert_false (atlas_map_view_has_tile_layer (fixture->view));

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "map.base-map", "s", "openstreetmap");
  g_assert_cmpint (atlas_map_view_get_base_map (fixture->view), ==, ATLAS_BASE_MAP_OPENSTREETMAP);
  g_assert_true (atlas_map_view_has_tile_layer (fixture->view));

  /* Offline here: tiles fail, quietly (warnings are fatal in tests), and the
   * map stays usable while they do: it draws frames until it is still. */
  wait_until_still (fixture);
  atlas_map_view_click (fixture->view, 5, 5);

  g_object_set (fixture->view, "base-map", ATLAS_BASE_MAP_OFFLINE, NULL);
  g_assert_false (atlas_map_view_has_tile_layer (fixture->view));
}

static void
check_controls (GtkWidget *widget,
                guint     *n_controls)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) || GTK_IS_MENU_BUTTON (child))
        {
          g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (child),
                                                           GTK_ACCESSIBLE_PROPERTY_LABEL));
          g_assert_nonnull (gtk_widget_get_tooltip_text (child));
          (*n_controls)++;
          continue;
        }
      check_controls (child, n_controls);
    }
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *description = NULL;
  guint n = atlas_dataset_get_n_locations (fixture->dataset), n_controls = 0;

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->view)), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Map");
  description = g_strdup_printf ("%u of %u places shown", n, n);
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);

  check_controls (GTK_WIDGET (fixture->view), &n_controls);
  g_assert_cmpuint (n_controls, ==, 7);
}

/* A view that never gets models or a dataset finalizes too. */
static void
test_finalize_bare (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = g_object_new (ATLAS_TYPE_MAP_VIEW, NULL);

  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_until (is_mapped, view, 20, "the bare map view to be shown");
  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_wait_for_finalize (&view, "the bare map view to be finalized with its window");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/map/view/screenshot", Fixture, NULL, fixture_set_up, test_screenshot,
              fixture_tear_down);
  g_test_add ("/map/view/click", Fixture, NULL, fixture_set_up, test_click, fixture_tear_down);
  g_test_add ("/map/view/tooltip", Fixture, NULL, fixture_set_up, test_tooltip, fixture_tear_down);
  g_test_add ("/map/view/keyboard", Fixture, NULL, fixture_set_up, test_keyboard,
              fixture_tear_down);
  g_test_add ("/map/view/follow-selection", Fixture, NULL, fixture_set_up, test_follow_selection,
              fixture_tear_down);
  g_test_add ("/map/view/filter", Fixture, NULL, fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/map/view/base-map", Fixture, NULL, fixture_set_up, test_base_map,
              fixture_tear_down);
  g_test_add ("/map/view/accessible", Fixture, NULL, fixture_set_up, test_accessible,
              fixture_tear_down);
  g_test_add_func ("/map/view/finalize-bare", test_finalize_bare);

  return g_test_run ();
}
