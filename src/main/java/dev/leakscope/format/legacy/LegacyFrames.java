package dev.leakscope.format.legacy;

import java.util.List;

/**
 * pprof's addLegacyFrameInfo: the frames-to-drop lists a legacy profile gets by its sample types
 * (allocator entry points for heap profiles, lock functions for contention, the CPU profiler's
 * signal handler otherwise). They only matter once locations have function names.
 */
final class LegacyFrames {
    private LegacyFrames() {
    }

    private static final List<List<String>> HEAP_TYPES = List.of(
            List.of("allocations", "size"),
            List.of("objects", "space"),
            List.of("inuse_objects", "inuse_space"),
            List.of("alloc_objects", "alloc_space"),
            List.of("alloc_objects", "alloc_space", "inuse_objects", "inuse_space"));
    private static final List<List<String>> CONTENTION_TYPES = List.of(List.of("contentions", "delay"));

    static final String ALLOC = String.join("|",
            "calloc", "cfree", "malloc", "free", "memalign", "do_memalign", "(__)?posix_memalign", "pvalloc",
            "valloc", "realloc",
            "tcmalloc::.*", "tc_calloc", "tc_cfree", "tc_malloc", "tc_free", "tc_memalign", "tc_posix_memalign",
            "tc_pvalloc", "tc_valloc", "tc_realloc", "tc_new", "tc_delete", "tc_newarray", "tc_deletearray",
            "tc_new_nothrow", "tc_newarray_nothrow",
            "malloc_zone_malloc", "malloc_zone_calloc", "malloc_zone_valloc", "malloc_zone_realloc",
            "malloc_zone_memalign", "malloc_zone_free",
            "runtime\\..*",
            "BaseArena::.*", "(::)?do_malloc_no_errno", "(::)?do_malloc_pages", "(::)?do_malloc",
            "DoSampledAllocation", "MallocedMemBlock::MallocedMemBlock", "_M_allocate",
            "__builtin_(vec_)?delete", "__builtin_(vec_)?new", "__gnu_cxx::new_allocator::allocate",
            "__libc_malloc", "__malloc_alloc_template::allocate", "allocate", "cpp_alloc",
            "operator new(\\[\\])?", "simple_alloc::allocate");

    static final String ALLOC_SKIP = String.join("|", "runtime\\.panic", "runtime\\.reflectcall", "runtime\\.call[0-9]*");

    private static final String CPU_PROFILER = String.join("|",
            "ProfileData::Add", "ProfileData::prof_handler", "CpuProfiler::prof_handler", "__pthread_sighandler",
            "__restore");

    private static final String LOCK = String.join("|",
            "RecordLockProfileData", "(base::)?RecordLockProfileData.*", "(base::)?SubmitMutexProfileData.*",
            "(base::)?SubmitSpinLockProfileData.*", "(base::Mutex::)?AwaitCommon.*", "(base::Mutex::)?Unlock.*",
            "(base::Mutex::)?UnlockSlow.*", "(base::Mutex::)?ReaderUnlock.*", "(base::MutexLock::)?~MutexLock.*",
            "(Mutex::)?AwaitCommon.*", "(Mutex::)?Unlock.*", "(Mutex::)?UnlockSlow.*", "(Mutex::)?ReaderUnlock.*",
            "(MutexLock::)?~MutexLock.*", "(SpinLock::)?Unlock.*", "(SpinLock::)?SlowUnlock.*",
            "(SpinLockHolder::)?~SpinLockHolder.*");

    static void apply(LegacyProfile p) {
        if (isType(p, HEAP_TYPES)) {
            p.dropFrames = ALLOC;
            p.keepFrames = ALLOC_SKIP;
        } else if (isType(p, CONTENTION_TYPES)) {
            p.dropFrames = LOCK;
            p.keepFrames = "";
        } else {
            p.dropFrames = CPU_PROFILER;
            p.keepFrames = "";
        }
    }

    private static boolean isType(LegacyProfile p, List<List<String>> candidates) {
        next:
        for (List<String> types : candidates) {
            if (types.size() != p.sampleTypes.size()) {
                continue;
            }
            for (int i = 0; i < types.size(); i++) {
                if (!types.get(i).equals(p.sampleTypes.get(i)[0])) {
                    continue next;
                }
            }
            return true;
        }
        return false;
    }
}
