# The layers of the engine, bottom first, and what each may include: the one table that
# core/*/CMakeLists.txt link by, tests/core/check_layering.cmake checks and docs/architecture.md
# explains. A library may include itself and the libraries listed for it, nothing else.
set(CHRONOSCOPE_LAYERS base log script io source replay history debug session samples)
set(CHRONOSCOPE_LAYER_base "")
set(CHRONOSCOPE_LAYER_log base)
set(CHRONOSCOPE_LAYER_script base)
set(CHRONOSCOPE_LAYER_io base log)
set(CHRONOSCOPE_LAYER_source base log io)
set(CHRONOSCOPE_LAYER_replay base log script)
set(CHRONOSCOPE_LAYER_history base log script io replay)
set(CHRONOSCOPE_LAYER_debug base log script io replay history)
set(CHRONOSCOPE_LAYER_session base log script io replay history debug)
set(CHRONOSCOPE_LAYER_samples base log script replay)
# The widgets see the engine through the session and what it hands out; never the log itself
# (no SQL near the GUI thread) nor the samples.
set(CHRONOSCOPE_LAYER_views base script io source replay history debug session)
